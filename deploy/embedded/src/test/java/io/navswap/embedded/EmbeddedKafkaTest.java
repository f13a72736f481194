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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker starts with the NavSwap topics, and its threads at the lowest priority while the caller's stay. */
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
}
