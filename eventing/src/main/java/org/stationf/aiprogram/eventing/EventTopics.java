package org.stationf.aiprogram.eventing;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates the Kafka topics a service publishes to and reads from (its dead-letter topic included) when they are
 * missing, before its consumers start. Managed Kafka clusters often turn {@code auto.create.topics.enable} off
 * (Confluent Cloud; Amazon MSK by default); there a consumer of a topic nobody created waits forever and the outbox
 * relay's sends time out, so the services declare their topics rather than rely on the broker creating them on
 * first use.
 *
 * <p>The broker may be down when the service starts: startup waits for it at most {@code eventing.topics.wait}, then
 * the topics are created in the background as soon as it answers. A broker that refuses (no CREATE permission, say)
 * is logged once with what to do; {@code eventing.topics.create=false} leaves the topics to whoever manages them.
 */
@ApplicationScoped
public class EventTopics {

    private static final Logger LOG = Logger.getLogger(EventTopics.class);

    private static final Pattern CONSUMED_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.[^.]+\\.(dead-letter-queue\\.)?topic");

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Inject
    Config config;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    @ConfigProperty(name = "eventing.topics.published")
    Set<String> published;

    @ConfigProperty(name = "eventing.topics.create", defaultValue = "true")
    boolean create;

    @ConfigProperty(name = "eventing.topics.partitions")
    Optional<Integer> partitions;

    @ConfigProperty(name = "eventing.topics.replication-factor")
    Optional<Short> replicationFactor;

    @ConfigProperty(name = "eventing.topics.wait", defaultValue = "PT5S")
    Duration startupWait;

    /** The topics this service declares, read from its configuration once, at start. */
    private Set<String> declared;
    private final CountDownLatch firstAttemptDone = new CountDownLatch(1);
    private volatile boolean running;
    private Thread worker;

    /** Runs before SmallRye Reactive Messaging starts the consumers (its observer has priority LIBRARY_BEFORE). */
    void start(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE - 1) StartupEvent startup) throws InterruptedException {
        declared = declaredTopics();
        if (!create) {
            LOG.infof("Kafka topics left to whoever manages them (eventing.topics.create=false): %s", declared);
            return;
        }
        running = true;
        worker = new Thread(this::createMissing, "kafka-topics");
        worker.setDaemon(true);
        worker.start();
        if (!firstAttemptDone.await(startupWait.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warnf("Kafka did not answer within %s; the topics %s will be created when it does", startupWait, declared);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    /** Whether events may be published to this topic: only to those the service declares, so none goes uncreated. */
    public boolean isPublished(String topic) {
        return published.contains(topic);
    }

    /** Those it publishes to, those its channels read and their dead-letter topics. */
    private Set<String> declaredTopics() {
        Set<String> names = new TreeSet<>(published);
        for (String property : config.getPropertyNames()) {
            Matcher consumed = CONSUMED_TOPIC.matcher(property);
            if (consumed.matches()) {
                config.getOptionalValue(property, String.class).ifPresent(names::add);
            }
        }
        return names;
    }

    private void createMissing() {
        Map<String, Object> adminConfig = new HashMap<>(kafkaConfig);
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, applicationName + "-topics");
        int attemptTimeout = (int) Math.max(startupWait.toMillis(), 1_000);
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, attemptTimeout);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, attemptTimeout);
        long backoffMillis = 1_000;
        try (Admin admin = Admin.create(adminConfig)) {
            while (running) {
                try {
                    create(admin);
                    return;
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof RetriableException)) {
                        LOG.errorf(e.getCause(), "Kafka refused to create the topics %s: create them beforehand and set "
                                + "eventing.topics.create=false", declared);
                        return;
                    }
                    LOG.debugf("Kafka not reachable yet to create topics: %s", e.getCause().getMessage());
                }
                firstAttemptDone.countDown(); // startup waits for one attempt, not for the broker to come back
                Thread.sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 30_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not create the Kafka topics %s", declared);
        } finally {
            firstAttemptDone.countDown();
        }
    }

    private void create(Admin admin) throws ExecutionException, InterruptedException {
        List<NewTopic> topics = declared.stream()
                .map(name -> new NewTopic(name, partitions, replicationFactor))
                .toList();
        Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
        List<String> created = new ArrayList<>();
        for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
            try {
                result.getValue().get();
                created.add(result.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        if (!created.isEmpty()) {
            LOG.infof("Created Kafka topics %s", created);
        }
        LOG.debugf("Kafka topics in place: %s", declared);
    }
}
