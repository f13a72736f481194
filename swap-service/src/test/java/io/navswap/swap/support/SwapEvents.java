package io.navswap.swap.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.navswap.shared.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/** Plain Kafka clients on the test broker: read what the service published, publish what others would. */
public final class SwapEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Received(String key, JsonNode envelope) {
    }

    private SwapEvents() {
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /**
     * Every event of {@code type} on navswap.swaps whose data names {@code swapId}, read from the beginning of the
     * topic for {@code window} (so that a late duplicate would be seen too).
     */
    public static List<Received> read(String type, String swapId, Duration window) {
        return read(Topics.SWAPS, envelope -> type.equals(envelope.path("type").asText())
                && swapId.equals(envelope.path("data").path("swap_id").asText()), window);
    }

    /** Every envelope on {@code topic} that {@code wanted} accepts, read from the beginning for {@code window}. */
    public static List<Received> read(String topic, java.util.function.Predicate<JsonNode> wanted, Duration window) {
        List<Received> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(window);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonNode envelope = JSON.readTree(record.value());
                    if (wanted.test(envelope)) {
                        found.add(new Received(record.key(), envelope));
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable event on " + topic, e);
        }
        return found;
    }

    /** An envelope as queue-service would publish it; answers it so that a test can publish it again. */
    public static ObjectNode reservationEvent(String type, String reservationId, String userId, String stationId,
            String status, String swapId, String staffId, Double batterySohMin) {
        ObjectNode data = JSON.createObjectNode()
                .put("reservation_id", reservationId).put("user_id", userId).put("station_id", stationId)
                .put("status", status).put("previous_status", "arrived").put("swap_id", swapId)
                .put("staff_id", staffId).put("changed_at", Instant.now().toString());
        if (batterySohMin != null) {
            data.put("battery_soh_min", batterySohMin);
        }
        ObjectNode envelope = JSON.createObjectNode()
                .put("event_id", UUID.randomUUID().toString()).put("type", type)
                .put("occurred_at", Instant.now().toString()).put("source", "queue-service")
                .put("subject", "station:" + stationId);
        envelope.set("data", data);
        return envelope;
    }

    public static void publish(JsonNode envelope) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(Topics.SWAPS, envelope.path("subject").asText(), envelope.toString()))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish a test event", e);
        }
    }
}
