package io.navswap.embedded;

import java.nio.file.Path;

/** The three backends of the one-machine stack, started together and stopped in reverse order. */
public final class EmbeddedBackends implements AutoCloseable {
    private final EmbeddedMongo mongo;
    private final EmbeddedKafka kafka;
    private final EmbeddedRedis redis;

    private EmbeddedBackends(EmbeddedMongo mongo, EmbeddedKafka kafka, EmbeddedRedis redis) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.redis = redis;
    }

    /** Throw-away backends for one test JVM: in-memory Mongo, fresh Kafka log, Redis without persistence. */
    public static EmbeddedBackends forTests(Path workDir) throws Exception {
        EmbeddedMongo mongo = EmbeddedMongo.inMemory(FreePorts.any());
        EmbeddedKafka kafka = EmbeddedKafka.start(workDir.resolve("kafka"), FreePorts.any());
        EmbeddedRedis redis = EmbeddedRedis.start(FreePorts.any(), workDir.resolve("redis"));
        return new EmbeddedBackends(mongo, kafka, redis);
    }

    public String mongoUrl() {
        return mongo.connectionString();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String redisUrl() {
        return redis.url();
    }

    @Override
    public void close() {
        redis.close();
        kafka.close();
        mongo.close();
    }
}
