package org.stationf.aiprogram.eventing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;
import org.stationf.aiprogram.api.RequestCorrelation;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Publishes a domain event through the transactional outbox: the event is written in the caller's transaction,
 * next to the business change, and the {@link OutboxRelay} sends it to Kafka once that transaction commits.
 */
@ApplicationScoped
public class EventPublisher {

    static final EventFormat FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    @Inject
    EntityManager entityManager;

    /** The application's mapper, but one that keeps a decimal's scale: 30000.00 stays 30000.00, not Jackson's default 3E+4. */
    private ObjectMapper dataMapper;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    EventTopics topics;

    @ConfigProperty(name = "eventing.source")
    String source;

    @Inject
    void dataMapper(ObjectMapper objectMapper) {
        dataMapper = objectMapper.copy().configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    }

    /**
     * Records an event for publication. Must run inside the transaction that makes the change it reports.
     *
     * @param topic       the event family's topic, one of {@code eventing.topics.published}
     * @param type        the event type, e.g. {@code ApplicationSubmitted}
     * @param aggregateId the id of the changed aggregate: the Kafka key and the CloudEvent subject
     * @param data        the payload, serialized as JSON
     * @return the event as it will be published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public PublishedEvent publish(String topic, String type, Object aggregateId, Object data) {
        if (!topics.isPublished(topic)) {
            throw new IllegalArgumentException("Topic " + topic + " is not in eventing.topics.published, so it may not exist");
        }
        PublishedEvent event = compose(type, aggregateId, data);
        entityManager.createNativeQuery("""
                        INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, cloud_event)
                        VALUES (:eventId, :topic, :aggregateId, :type, :cloudEvent)""")
                .setParameter("eventId", event.id())
                .setParameter("topic", topic)
                .setParameter("aggregateId", String.valueOf(aggregateId))
                .setParameter("type", type)
                .setParameter("cloudEvent", event.cloudEvent())
                .executeUpdate();
        wakeRelayAfterCommit();
        return event;
    }

    /**
     * The event as a structured-mode CloudEvent, as {@link #publish} records it, but not recorded: for one that goes
     * somewhere else than a topic (a test event for a partner's webhook).
     */
    public PublishedEvent compose(String type, Object aggregateId, Object data) {
        UUID eventId = UUID.randomUUID();
        String subject = String.valueOf(aggregateId);
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(eventId.toString())
                .withSource(URI.create(source))
                .withType(type)
                .withSubject(subject)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(JsonCloudEventData.wrap(dataMapper.valueToTree(data)));
        Object traceId = MDC.get(RequestCorrelation.TRACE_ID);
        if (traceId != null) {
            // CloudEvents distributed-tracing extension: lets a consumer's log carry the originating request's trace.
            builder.withExtension("traceparent", "00-" + traceId + "-" + RequestCorrelation.randomHex(8) + "-01");
        }
        CloudEvent event = builder.build();
        return new PublishedEvent(eventId, type, new String(FORMAT.serialize(event), StandardCharsets.UTF_8));
    }

    /** An event, recorded for publication or not: its id, type and structured-mode CloudEvent JSON. */
    public record PublishedEvent(UUID id, String type, String cloudEvent) {
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(OutboxRelay.class) != null) {
            return;
        }
        transactions.putResource(OutboxRelay.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
