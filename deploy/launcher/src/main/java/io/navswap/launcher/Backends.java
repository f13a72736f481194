package io.navswap.launcher;

import io.navswap.embedded.EmbeddedKafka;
import io.navswap.embedded.EmbeddedMongo;
import io.navswap.embedded.EmbeddedRedis;
import io.navswap.embedded.FreePorts;
import java.util.ArrayDeque;
import java.util.Deque;

/** The three backends: a real one when configured, otherwise an embedded one this launcher owns. */
final class Backends implements AutoCloseable {
    private final Deque<AutoCloseable> owned = new ArrayDeque<>();
    private String mongoUrl;
    private String kafkaBootstrapServers;
    private String redisUrl;

    static Backends start(StackConfig config) throws Exception {
        Backends backends = new Backends();
        try {
            backends.startAll(config);
            return backends;
        } catch (Exception e) {
            backends.close();
            throw e;
        }
    }

    private void startAll(StackConfig config) throws Exception {
        mongoUrl = config.mongoUrl().orElse(null);
        if (mongoUrl == null) {
            EmbeddedMongo mongo = config.persistent()
                    ? EmbeddedMongo.onDisk(config.dataDir().resolve("mongo").resolve("navswap.mv"), FreePorts.any())
                    : EmbeddedMongo.inMemory(FreePorts.any());
            owned.push(mongo);
            mongoUrl = mongo.connectionString();
            Console.step("MongoDB wire server (" + (config.persistent() ? "on disk" : "in memory") + ") at " + mongoUrl);
        }
        kafkaBootstrapServers = config.kafkaBootstrapServers().orElse(null);
        if (kafkaBootstrapServers == null) {
            EmbeddedKafka kafka = EmbeddedKafka.start(config.dataDir().resolve("kafka"), FreePorts.any());
            owned.push(kafka);
            kafkaBootstrapServers = kafka.bootstrapServers();
            Console.step("Kafka broker (KRaft) at " + kafkaBootstrapServers + ", topics created");
        }
        redisUrl = config.redisUrl().orElse(null);
        if (redisUrl == null) {
            EmbeddedRedis redis = EmbeddedRedis.start(FreePorts.any(), config.dataDir().resolve("redis"));
            owned.push(redis);
            redisUrl = redis.url();
            Console.step("Redis at " + redisUrl);
        }
    }

    String mongoUrl() {
        return mongoUrl;
    }

    String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    String redisUrl() {
        return redisUrl;
    }

    @Override
    public void close() {
        while (!owned.isEmpty()) {
            try {
                owned.pop().close();
            } catch (Exception e) {
                Console.warn("A backend did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
