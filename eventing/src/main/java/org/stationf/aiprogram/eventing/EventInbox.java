package org.stationf.aiprogram.eventing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonCloudEventData;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.stationf.aiprogram.api.DatabaseFailures;
import org.stationf.aiprogram.api.RequestCorrelation;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Consumes events exactly once in effect: the event id is recorded in the inbox table in the same transaction as
 * the handler's changes, so a redelivered event finds its id there and changes nothing.
 *
 * <p>Poison (unparseable, unknown type, invalid data, a handler refusing it) is thrown as
 * {@link PoisonEventException} for the channel's dead-letter strategy. A database that is unreachable or a
 * concurrency conflict is retried with backoff, holding the partition, because the effect must still happen.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Validator validator;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "quarkus.application.name")
    String consumer;

    @ConfigProperty(name = "eventing.inbox.retry-for", defaultValue = "PT10M")
    Duration retryFor;

    /**
     * Processes one record with the given routes; returns true when it had an effect, false for a duplicate or an ignored type.
     * Each outcome is counted ({@code inbox.events} by type and outcome), poison too, so a dead letter can raise an
     * alert rather than wait on its topic for someone to look. Types no route knows are counted as "unknown", so that
     * whatever lands on a topic cannot add series without bound.
     */
    public boolean consume(ConsumerRecord<String, String> record, EventRoutes routes) {
        String countedType = "unreadable";
        try {
            CloudEvent event = parse(record.value());
            countedType = routes.knows(event.getType()) ? event.getType() : "unknown";
            boolean applied = process(event, record, routes);
            count(countedType, applied ? "applied" : routes.ignores(event.getType()) ? "ignored" : "duplicate");
            return applied;
        } catch (PoisonEventException e) {
            count(countedType, "dead-lettered");
            throw e;
        }
    }

    private void count(String type, String outcome) {
        meters.counter("inbox.events", "type", type, "outcome", outcome).increment();
    }

    private boolean process(CloudEvent event, ConsumerRecord<String, String> record, EventRoutes routes) {
        if (event.getExtension("traceparent") != null) {
            MDC.put(RequestCorrelation.TRACE_ID, RequestCorrelation.traceIdOf(event.getExtension("traceparent").toString()));
        }
        var route = routes.route(event.getType());
        if (route.isEmpty()) {
            if (routes.ignores(event.getType())) {
                return false;
            }
            throw new PoisonEventException("unknown event type '" + event.getType() + "'; this consumer handles "
                    + new TreeSet<>(routes.knownTypes()));
        }
        Object data = readData(event, route.get().dataType());
        ReceivedEvent received = new ReceivedEvent(event.getId(), event.getSource().toString(), event.getType(),
                event.getSubject(), event.getTime());

        long deadline = System.nanoTime() + retryFor.toNanos();
        long backoffMillis = 100;
        while (true) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (!recordFirstDelivery(received, record)) {
                        return false;
                    }
                    route.get().apply(received, data);
                    return true;
                });
                if (!applied) {
                    LOG.debugf("Event %s (%s) already processed; skipped", event.getId(), event.getType());
                }
                return applied;
            } catch (PoisonEventException e) {
                throw e;
            } catch (RuntimeException e) {
                boolean passing = DatabaseFailures.isUnavailable(e) || DatabaseFailures.isConcurrencyConflict(e);
                if (!passing) {
                    throw new PoisonEventException("handler failed: " + rootMessage(e), e);
                }
                if (System.nanoTime() > deadline) {
                    throw new PoisonEventException("gave up after retrying for " + retryFor + ": " + rootMessage(e), e);
                }
                LOG.warnf("Event %s (%s) not processed yet, retrying in %d ms: %s", event.getId(), event.getType(), backoffMillis, rootMessage(e));
                sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 5_000);
            }
        }
    }

    private CloudEvent parse(String value) {
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("empty record: expected a CloudEvent in JSON");
        }
        try {
            CloudEvent event = EventPublisher.FORMAT.deserialize(value.getBytes(StandardCharsets.UTF_8));
            if (event.getId() == null || event.getId().isBlank() || event.getType() == null || event.getType().isBlank()) {
                throw new PoisonEventException("not a CloudEvent: id and type are required");
            }
            return event;
        } catch (PoisonEventException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PoisonEventException("not a CloudEvent in JSON: " + rootMessage(e), e);
        }
    }

    private <T> T readData(CloudEvent event, Class<T> dataType) {
        if (event.getData() == null) {
            throw new PoisonEventException(event.getType() + " carries no data");
        }
        T data;
        try {
            JsonNode node = event.getData() instanceof JsonCloudEventData json ? json.getNode()
                    : objectMapper.readTree(event.getData().toBytes());
            // A tolerant reader: producers may add fields without breaking this consumer.
            data = objectMapper.readerFor(dataType).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(node);
        } catch (Exception e) {
            throw new PoisonEventException(event.getType() + " data cannot be read: " + rootMessage(e), e);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new PoisonEventException(event.getType() + " data is invalid: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        return data;
    }

    private boolean recordFirstDelivery(ReceivedEvent event, ConsumerRecord<String, String> record) {
        return entityManager.createNativeQuery("""
                        INSERT INTO inbox_event (consumer, event_source, event_id, event_type, topic, kafka_partition, kafka_offset)
                        VALUES (:consumer, :source, :id, :type, :topic, :partition, :offset)
                        ON CONFLICT DO NOTHING""")
                .setParameter("consumer", consumer)
                .setParameter("source", event.source())
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("topic", record.topic())
                .setParameter("partition", record.partition())
                .setParameter("offset", record.offset())
                .executeUpdate() == 1;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PoisonEventException("interrupted while retrying", e);
        }
    }
}
