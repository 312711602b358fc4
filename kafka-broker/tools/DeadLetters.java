import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Lists a consumer's dead letters and sends one of them again to the topic it came from: {@code ./suite dead-letters}
 * and {@code ./suite resend} run it as a single-file source program on the broker's own jars (kafka-clients, Jackson),
 * so it needs no build. Against another cluster: {@code java -cp <kafka-broker's classpath> DeadLetters.java
 * BOOTSTRAP_SERVERS list|resend ...}.
 *
 * <p>A resend is the dead letter's key and value as they came, so the event keeps its id: every consumer of the topic
 * that had already applied it finds the id in its inbox and skips it. Its headers go along, less the dead-letter ones,
 * plus {@code resent-from} naming the dead letter.
 */
public class DeadLetters {

    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(30);
    private static final String DEAD_LETTER_HEADERS = "dead-letter-";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[1].equals("list")) {
            list(args[0], args[2]);
        } else if (args.length == 4 && args[1].equals("resend")) {
            resend(args[0], args[2], args[3]);
        } else {
            System.err.println("usage: DeadLetters BOOTSTRAP_SERVERS list DEAD_LETTER_TOPIC\n"
                    + "       DeadLetters BOOTSTRAP_SERVERS resend DEAD_LETTER_TOPIC PARTITION:OFFSET");
            System.exit(2);
        }
    }

    private static void list(String bootstrap, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> deadLetters = new ArrayList<>();
            Instant giveUp = Instant.now().plus(GIVE_UP_AFTER);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (Instant.now().isAfter(giveUp)) {
                    fail("could not read " + topic + " to its end within " + GIVE_UP_AFTER.toSeconds() + " s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        deadLetters.add(record);
                    }
                }
            }
            deadLetters.sort(Comparator.comparingLong(ConsumerRecord::timestamp));
            deadLetters.forEach(DeadLetters::describe);
            int count = deadLetters.size();
            System.out.println(count + (count == 1 ? " dead letter in " : " dead letters in ") + topic
                    + (count == 0 ? "" : ", oldest first; send one again with ./suite resend CONSUMER PARTITION:OFFSET"));
        }
    }

    private static void describe(ConsumerRecord<byte[], byte[]> record) {
        System.out.printf("%s %d:%d, dead-lettered at %s%n", record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()));
        System.out.printf("  from    %s %s:%s%n", header(record, "dead-letter-topic"),
                header(record, "dead-letter-partition"), header(record, "dead-letter-offset"));
        System.out.printf("  key     %s%n", record.key() == null ? "(none)" : new String(record.key(), StandardCharsets.UTF_8));
        System.out.printf("  event   %s%n", event(record.value()));
        System.out.printf("  reason  %s%n", header(record, "dead-letter-reason").replace("\n", "\n          "));
        if (!header(record, "resent-from").isEmpty()) {
            System.out.printf("  resent  from %s%n", header(record, "resent-from"));
        }
    }

    /** The CloudEvent's type, id, source and subject, or why the value is none. */
    private static String event(byte[] value) {
        if (value == null) {
            return "(no value)";
        }
        try {
            JsonNode event = JSON.readTree(value);
            if (event != null && event.hasNonNull("type") && event.hasNonNull("id")) {
                return event.get("type").asText() + " " + event.get("id").asText()
                        + (event.hasNonNull("source") ? " from " + event.get("source").asText() : "")
                        + (event.hasNonNull("subject") ? ", subject " + event.get("subject").asText() : "");
            }
        } catch (Exception unreadable) {
            // described below, like any value that is not a CloudEvent
        }
        return "(not a CloudEvent: " + value.length + " bytes)";
    }

    private static void resend(String bootstrap, String topic, String position) throws Exception {
        String[] parts = position.split(":");
        if (parts.length != 2 || !parts[0].matches("\\d{1,9}") || !parts[1].matches("\\d{1,18}")) {
            fail("PARTITION:OFFSET expected, as ./suite dead-letters shows it (0:3, say), not '" + position + "'");
        }
        TopicPartition partition = new TopicPartition(topic, Integer.parseInt(parts[0]));
        long offset = Long.parseLong(parts[1]);
        ConsumerRecord<byte[], byte[]> deadLetter = read(bootstrap, partition, offset);
        String target = header(deadLetter, "dead-letter-topic");
        if (target.isEmpty()) {
            fail(topic + " " + position + " has no dead-letter-topic header: it is not a dead letter");
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADERS)) {
                headers.add(header);
            }
        }
        headers.add("resent-from", (topic + " " + position).getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            RecordMetadata sent = producer.send(new ProducerRecord<>(target, null, deadLetter.key(), deadLetter.value(), headers)).get();
            System.out.printf("Resent %s %s (%s) to %s %d:%d%n", topic, position, event(deadLetter.value()),
                    sent.topic(), sent.partition(), sent.offset());
        }
    }

    private static ConsumerRecord<byte[], byte[]> read(String bootstrap, TopicPartition partition, long offset) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap)) {
            if (partitionsOf(consumer, partition.topic()).stream().noneMatch(partition::equals)) {
                fail(partition.topic() + " has no partition " + partition.partition());
            }
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long start = consumer.beginningOffsets(List.of(partition)).get(partition);
            if (start == end) {
                fail(partition.topic() + " partition " + partition.partition() + " holds no record"
                        + (end > 0 ? " any more (past the topic's retention)" : ""));
            }
            if (offset < start || offset >= end) {
                fail(partition.topic() + " partition " + partition.partition() + " holds offsets " + start + " to " + (end - 1)
                        + (offset < start ? " (older ones are past the topic's retention)" : "") + ", not " + offset);
            }
            consumer.seek(partition, offset);
            Instant giveUp = Instant.now().plus(GIVE_UP_AFTER);
            while (Instant.now().isBefore(giveUp)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() == offset) {
                        return record;
                    }
                    if (record.offset() > offset) {
                        fail(partition.topic() + " partition " + partition.partition() + " has no record at offset " + offset);
                    }
                }
            }
            fail("could not read " + partition.topic() + " " + partition.partition() + ":" + offset + " within " + GIVE_UP_AFTER.toSeconds() + " s");
            return null;
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) GIVE_UP_AFTER.toMillis(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName()));
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic)) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        if (partitions.isEmpty()) {
            fail("there is no topic " + topic + " (its consumer creates it when it starts)");
        }
        return partitions;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void fail(String message) {
        System.err.println("dead letters: " + message);
        System.exit(1);
    }
}
