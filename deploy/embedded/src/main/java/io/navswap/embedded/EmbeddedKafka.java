package io.navswap.embedded;

import io.navswap.shared.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one node) running in this JVM, with the
 * NavSwap topics created. Settings are those measured in PLATFORM-NOTES.md for a single node.
 */
public final class EmbeddedKafka implements AutoCloseable {
    /** Three partitions per topic so that per-key ordering is exercised as in production. */
    public static final int PARTITIONS = 3;
    /** Fixed so that a broker restarted on the same data directory accepts its own log. */
    private static final String CLUSTER_ID = "TmF2U3dhcEVtYmVkZGVkMQ";
    /** Room for ~170,000 distinct keys per cleaning pass; Kafka requires more than 1 MiB per cleaner thread. */
    static final long DEDUPE_BUFFER_BYTES = 4L * 1024 * 1024;

    private final KafkaRaftServer server;
    private final int port;

    private EmbeddedKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedKafka start(Path dataDir, int port) throws IOException {
        int controllerPort = FreePorts.any();
        Files.createDirectories(dataDir);
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.toAbsolutePath().toString());
        props.put("num.partitions", String.valueOf(PARTITIONS));
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.flush.interval.messages", "1");
        // The cleaner compacts only the consumer offsets here (a few keys per group and partition). Its default
        // 128 MiB de-duplication buffer is one array on the heap, allocated at start and kept: it filled half the
        // launcher's old generation, so the collector ran full collections for lack of room.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(DEDUPE_BUFFER_BYTES));

        Path config = dataDir.resolve("server.properties");
        try (var out = Files.newOutputStream(config)) {
            props.store(out, "NavSwap embedded Kafka");
        }
        StorageTool.execute(new String[] { "format", "-t", CLUSTER_ID, "-c", config.toString(), "--ignore-formatted" },
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));

        KafkaRaftServer server = atBrokerPriority(() -> {
            KafkaRaftServer created = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            created.startup();
            return created;
        });
        EmbeddedKafka kafka = new EmbeddedKafka(server, port);
        kafka.createTopics(Topics.ALL);
        return kafka;
    }

    /**
     * Creates and starts the broker on a thread of the lowest Java priority, which every thread the broker starts
     * inherits. Where the JVM applies priorities ({@code -XX:ThreadPriorityPolicy=1}, as {@code deploy/navswap}
     * starts the launcher) that is nice 4: sharing the machine with the services, the broker's event traffic then
     * yields a core to the requests (the MongoDB server's threads stay at normal priority). Elsewhere, as in the
     * tests, it changes nothing.
     */
    private static KafkaRaftServer atBrokerPriority(Supplier<KafkaRaftServer> start) {
        CompletableFuture<KafkaRaftServer> started = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                started.complete(start.get());
            } catch (RuntimeException | Error e) {
                started.completeExceptionally(e);
            }
        }, "navswap-kafka-start");
        starter.setPriority(Thread.MIN_PRIORITY);
        starter.start();
        try {
            return started.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("The embedded Kafka broker did not start", e.getCause());
        }
    }

    public void createTopics(List<String> names) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (String name : names) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, PARTITIONS, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + name, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }
}
