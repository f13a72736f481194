package io.navswap.queue.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads what really went over the embedded Kafka broker, and publishes events as a peer would. */
public final class EventTap {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventTap() {
    }

    /** Envelopes on {@code topic} matching {@code filter}, waiting until at least {@code atLeast} are there. */
    public static List<JsonNode> await(String topic, Predicate<JsonNode> filter, int atLeast, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<JsonNode> found = read(topic, filter);
        while (found.size() < atLeast && Instant.now().isBefore(deadline)) {
            sleep(200);
            found = read(topic, filter);
        }
        return found;
    }

    /** Everything on {@code topic} matching {@code filter} right now. */
    public static List<JsonNode> read(String topic, Predicate<JsonNode> filter) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "queue-test-tap-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<JsonNode> matched = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(10);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode envelope = parse(record.value());
                    if (envelope != null && filter.test(envelope)) {
                        matched.add(envelope);
                    }
                }
            }
        }
        return matched;
    }

    public static Predicate<JsonNode> about(String type, String field, String value) {
        return envelope -> type.equals(envelope.path("type").asText())
                && value.equals(envelope.path("data").path(field).asText());
    }

    public static void publish(String topic, String key, String value) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            return null;
        }
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
