package org.stationf.aiprogram.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.util.Map;

/**
 * A real Apache Kafka broker (KRaft, one combined broker/controller node) inside the test JVM, started with
 * Kafka's own test kit. Quarkus receives its address as {@code kafka.bootstrap.servers}.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private static volatile KafkaClusterTestKit cluster;

    @Override
    public Map<String, String> start() {
        try {
            KafkaClusterTestKit kit = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setCombined(true)
                    .build())
                    .setConfigProp("num.partitions", 3)
                    // Off, as on most managed clusters: a topic exists only because a service declared it.
                    .setConfigProp("auto.create.topics.enable", false)
                    .setConfigProp("offsets.topic.replication.factor", (short) 1)
                    .setConfigProp("transaction.state.log.replication.factor", (short) 1)
                    .setConfigProp("transaction.state.log.min.isr", 1)
                    .setConfigProp("group.initial.rebalance.delay.ms", 0)
                    .build();
            kit.format();
            kit.startup();
            kit.waitForReadyBrokers();
            cluster = kit;
            return Map.of("kafka.bootstrap.servers", kit.bootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the Kafka test broker", e);
        }
    }

    @Override
    public void stop() {
        KafkaClusterTestKit kit = cluster;
        cluster = null;
        if (kit != null) {
            try {
                kit.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not stop the Kafka test broker", e);
            }
        }
    }

    /** The running broker's address, for tests that produce or consume directly. */
    public static String bootstrapServers() {
        KafkaClusterTestKit kit = cluster;
        if (kit == null) {
            throw new IllegalStateException("The Kafka test broker is not running");
        }
        return kit.bootstrapServers();
    }

    /** The running test kit, for fault tests that stop and restart brokers. */
    public static KafkaClusterTestKit cluster() {
        return cluster;
    }
}
