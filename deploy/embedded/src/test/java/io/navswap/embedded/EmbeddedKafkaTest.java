package io.navswap.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.navswap.shared.events.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker starts with the NavSwap topics, and its threads at the lowest priority while the caller's stay; its log
 * cleaner runs with a small de-duplication buffer.
 */
class EmbeddedKafkaTest {
    @TempDir
    Path dir;

    @Test
    void brokerThreadsRunAtTheLowestPriorityAndTheTopicsExist() throws Exception {
        int callerPriority = Thread.currentThread().getPriority();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), FreePorts.any());
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get();
            assertTrue(topics.containsAll(Topics.ALL), "topics: " + topics);

            List<Thread> broker = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith("data-plane-kafka")
                            || thread.getName().startsWith("kafka-1-raft"))
                    .toList();
            assertFalse(broker.isEmpty(), "the broker's request and raft threads are running");
            broker.forEach(thread -> assertEquals(Thread.MIN_PRIORITY, thread.getPriority(), thread.getName()));
            assertEquals(callerPriority, Thread.currentThread().getPriority(), "the caller's priority is unchanged");
        }
    }

    @Test
    void theLogCleanerRunsWithASmallDeduplicationBuffer() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), FreePorts.any());
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers()))) {
            ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
            Config config = admin.describeConfigs(List.of(broker)).all().get().get(broker);
            assertEquals(String.valueOf(EmbeddedKafka.DEDUPE_BUFFER_BYTES),
                    config.get("log.cleaner.dedupe.buffer.size").value());
            assertTrue(Thread.getAllStackTraces().keySet().stream()
                            .anyMatch(thread -> thread.getName().startsWith("kafka-log-cleaner-thread")),
                    "the log cleaner is running");
        }
    }
}
