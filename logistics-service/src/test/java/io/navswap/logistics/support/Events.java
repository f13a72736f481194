package io.navswap.logistics.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.navswap.shared.events.EventEnvelope;
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
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients for tests: publish envelopes as other services would, read what logistics published. */
public final class Events {
    private final String bootstrap;
    private final ObjectMapper mapper;

    public Events(String bootstrap, ObjectMapper mapper) {
        this.bootstrap = bootstrap;
        this.mapper = mapper;
    }

    /** An envelope as another service's outbox would write it. */
    public String envelope(String eventId, String type, String source, String subject, Object data) {
        try {
            return mapper.writeValueAsString(new EventEnvelope(eventId, type, Instant.now(), source, subject,
                    mapper.valueToTree(data)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void send(String topic, String key, String... payloads) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (String payload : payloads) {
                producer.send(new ProducerRecord<>(topic, key, payload)).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Reads {@code topic} from the beginning until the envelopes with {@code key} satisfy {@code until} or
     * {@code timeout} passes; answers those envelopes in order.
     */
    public List<JsonNode> read(String topic, String key, Predicate<List<JsonNode>> until, Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "logistics-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<JsonNode> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && !until.test(found)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        found.add(mapper.readTree(record.value()));
                    }
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    public static List<String> types(List<JsonNode> envelopes) {
        return envelopes.stream().map(e -> e.path("type").asText()).toList();
    }

    public static Map<String, Integer> counts(int charged, int charging, int inUse) {
        return Map.of("charged", charged, "charging", charging, "in_use", inUse, "quarantined", 0, "in_transit", 0,
                "at_partner", 0);
    }
}
