package org.stationf.aiprogram.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads and writes the test broker's topics directly, as another service would. */
public final class KafkaTopics {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KafkaTopics() {
    }

    /** Sends a raw record and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, String value) {
        send(KafkaBrokerResource.bootstrapServers(), new ProducerRecord<>(topic, key, value));
    }

    /** The same, to another broker (the running suite's, say), headers and all; returns where the record was written. */
    public static RecordMetadata send(String bootstrapServers, ProducerRecord<String, String> record) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            return producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + record.topic(), e);
        }
    }

    /** Every record of the topic whose value is JSON matching the filter, read from the start until the timeout. */
    public static List<ConsumerRecord<String, String>> records(String topic, Predicate<ConsumerRecord<String, String>> filter,
                                                               int atLeast, Duration timeout) {
        return records(KafkaBrokerResource.bootstrapServers(), topic, filter, atLeast, timeout);
    }

    /** The same, from another broker (the running suite's, say). */
    public static List<ConsumerRecord<String, String>> records(String bootstrapServers, String topic,
                                                               Predicate<ConsumerRecord<String, String>> filter, int atLeast, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && found.size() < atLeast) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    /** CloudEvents of a topic with the given type and subject, read from the start. */
    public static List<JsonNode> cloudEvents(String topic, String type, String subject, int atLeast, Duration timeout) {
        return records(topic, record -> {
            JsonNode event = json(record.value());
            return event != null && type.equals(event.path("type").asText()) && subject.equals(event.path("subject").asText());
        }, atLeast, timeout).stream().map(record -> json(record.value())).toList();
    }

    /** The broker's topics (internal ones left out) and each one's partition count. */
    public static Map<String, Integer> partitionCounts() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBrokerResource.bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(admin.listTopics().names().get()).allTopicNames().get();
            Map<String, Integer> counts = new TreeMap<>();
            topics.forEach((name, description) -> counts.put(name, description.partitions().size()));
            return counts;
        } catch (Exception e) {
            throw new IllegalStateException("Could not list the test broker's topics", e);
        }
    }

    /** A header's value as text (UTF-8), or "" when the record has none by that name. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Why a consumer dead-lettered the record, as SmallRye's dead-letter queue writes it. */
    public static String deadLetterReason(ConsumerRecord<?, ?> record) {
        return header(record, "dead-letter-reason");
    }

    public static JsonNode json(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            return null;
        }
    }
}
