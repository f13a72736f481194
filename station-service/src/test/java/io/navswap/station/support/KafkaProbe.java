package io.navswap.station.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Plain Kafka clients against the test broker: read what the service published, publish what others would. */
public final class KafkaProbe {
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    private KafkaProbe() {
    }

    public record Received(String key, JsonNode envelope) {
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Reads {@code topic} from the beginning until a record matches, or fails after {@code timeout}. */
    public static Received await(String topic, Predicate<Received> match, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "station-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            List<String> seen = new ArrayList<>();
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    Received received = new Received(record.key(), read(record.value()));
                    seen.add(record.key() + " " + received.envelope().path("type").asText());
                    if (match.test(received)) {
                        return received;
                    }
                }
            }
            throw new AssertionError("No matching record on " + topic + " within " + timeout + "; last seen: "
                    + seen.subList(Math.max(0, seen.size() - 10), seen.size()));
        }
    }

    /** Every record on {@code topic} that matches, reading until {@code quiet} passes without a new record. */
    public static List<Received> all(String topic, Predicate<Received> match, Duration quiet) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "station-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<Received> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant quietUntil = Instant.now().plus(quiet).plusSeconds(5);
            while (Instant.now().isBefore(quietUntil)) {
                var records = consumer.poll(Duration.ofMillis(300));
                if (!records.isEmpty()) {
                    quietUntil = Instant.now().plus(quiet);
                }
                for (ConsumerRecord<String, String> record : records) {
                    Received received = new Received(record.key(), read(record.value()));
                    if (match.test(received)) {
                        found.add(received);
                    }
                }
            }
        }
        return found;
    }

    /** Publishes an envelope as another service would; answers its event id. */
    public static String publish(String topic, String key, String type, Map<String, Object> data) {
        String eventId = UUID.randomUUID().toString();
        publish(topic, key, envelope(eventId, type, key, data));
        return eventId;
    }

    public static String envelope(String eventId, String type, String subject, Map<String, Object> data) {
        try {
            return MAPPER.writeValueAsString(Map.of("event_id", eventId, "type", type,
                    "occurred_at", Instant.now().toString(), "source", "station-test", "subject", subject, "data", data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void publish(String topic, String key, String json) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, json)).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    /** A record that is not JSON (tests publish poison records on purpose) reads as a missing node. */
    private static JsonNode read(String json) {
        try {
            return json == null ? MissingNode.getInstance() : MAPPER.readTree(json);
        } catch (Exception e) {
            return MissingNode.getInstance();
        }
    }
}
