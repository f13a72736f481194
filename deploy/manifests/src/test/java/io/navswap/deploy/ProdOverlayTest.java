package io.navswap.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s/overlays/prod as `kubectl kustomize` renders it (skipped without kubectl). Strimzi and
 * Prometheus Operator resources are checked structurally (no CRD schemas offline).
 */
class ProdOverlayTest {
    private static final String KAFKA = "navswap-kafka";

    private static Manifests prod() {
        return Manifests.rendered("overlays/prod");
    }

    @Test
    void rendersValidResourcesAllInTheNavswapNamespace() {
        Manifests m = prod();
        List<String> problems = new ArrayList<>(Checks.strict(m));
        for (HasMetadata r : m.resources) {
            if (!(r instanceof Namespace) && !"navswap".equals(r.getMetadata().getNamespace())) {
                problems.add(Checks.id(r) + " is not in namespace navswap");
            }
        }
        assertTrue(problems.isEmpty(), Checks.report("prod overlay", problems));
    }

    @Test
    void holdsNoSecretValuesOnlyReferences() {
        Manifests m = prod();
        assertTrue(m.all(Secret.class).isEmpty(), "prod must not define Secrets: they are created in the cluster");
        List<String> problems = new ArrayList<>(Checks.secretHygiene(m));
        problems.addAll(Checks.references(m, false));
        problems.addAll(Checks.serviceUrls(m));
        assertTrue(problems.isEmpty(), Checks.report("prod secrets and references", problems));
    }

    @Test
    void servicesAutoscaleAndKeepTheBaseRulesWithRegistryImages() {
        Manifests m = prod();
        List<String> problems = new ArrayList<>();
        for (Repo.Service s : Repo.services()) {
            problems.addAll(Checks.serviceWorkload(m, s, ServiceConfig.of(s)));
            problems.addAll(Checks.autoscaling(m, s));
            String image = m.get(Deployment.class, s.name()).getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
            if (!image.contains("/navswap/")) {
                problems.add(s.name() + ": image " + image + " is not taken from a registry");
            }
        }
        problems.addAll(Checks.gatewayIngress(m, true));
        if (!"nginx".equals(m.get(Ingress.class, "gateway").getSpec().getIngressClassName())) {
            problems.add("Ingress gateway: ingressClassName nginx expected");
        }
        assertTrue(problems.isEmpty(), Checks.report("prod services", problems));
    }

    @Test
    void kafkaIsAThreeNodeKraftStrimziClusterWithMinInsyncReplicasTwo() {
        Manifests m = prod();
        GenericKubernetesResource kafka = only(m.generic("Kafka"));
        assertEquals("kafka.strimzi.io/v1", kafka.getApiVersion());
        assertEquals(KAFKA, kafka.getMetadata().getName());
        Map<String, Object> config = kafka.get("spec", "kafka", "config");
        assertEquals(2, ((Number) config.get("min.insync.replicas")).intValue());
        assertEquals(3, ((Number) config.get("default.replication.factor")).intValue());
        assertEquals(Boolean.FALSE, config.get("auto.create.topics.enable"));
        GenericKubernetesResource pool = only(m.generic("KafkaNodePool"));
        assertEquals(KAFKA, pool.getMetadata().getLabels().get("strimzi.io/cluster"));
        assertEquals(3, ((Number) pool.get("spec", "replicas")).intValue());
        assertEquals(Set.of("controller", "broker"), Set.copyOf(pool.<List<String>>get("spec", "roles")));
        List<Map<String, Object>> listeners = kafka.get("spec", "kafka", "listeners");
        Map<String, Object> plain = listeners.stream().filter(l -> "plain".equals(l.get("name"))).findFirst().orElseThrow();
        assertEquals(KAFKA + "-kafka-bootstrap:" + plain.get("port"), m.configValue("navswap-common", "KAFKA_BOOTSTRAP_SERVERS").orElseThrow(),
                "services must reach Strimzi's bootstrap Service on the plain listener");
    }

    @Test
    void everyTopicAndDeadLetterTopicIsAReplicatedKafkaTopic() {
        Manifests m = prod();
        List<String> problems = new ArrayList<>();
        List<GenericKubernetesResource> topics = m.generic("KafkaTopic");
        for (String name : Topology.topics()) {
            GenericKubernetesResource t = topics.stream().filter(k -> name.equals(topicName(k))).findFirst().orElse(null);
            if (t == null) {
                problems.add("no KafkaTopic for " + name);
                continue;
            }
            if (!KAFKA.equals(t.getMetadata().getLabels().get("strimzi.io/cluster"))) {
                problems.add(name + ": label strimzi.io/cluster=" + KAFKA + " missing");
            }
            int partitions = ((Number) t.get("spec", "partitions")).intValue();
            int replicas = ((Number) t.get("spec", "replicas")).intValue();
            Map<String, Object> config = t.get("spec", "config");
            if (partitions < 3 || replicas != 3 || config == null || config.get("retention.ms") == null
                    || ((Number) config.get("min.insync.replicas")).intValue() != 2) {
                problems.add(name + ": partitions >= 3, replicas 3, retention.ms and min.insync.replicas 2 expected");
            }
        }
        assertTrue(problems.isEmpty(), Checks.report("Kafka topics", problems));
    }

    @Test
    void locationKeepsHoursWhileReplayableTopicsKeepDays() {
        Manifests m = prod();
        long location = retention(m, "navswap.location");
        for (String replayable : List.of("navswap.swaps", "navswap.jobs", "navswap.faults")) {
            assertTrue(retention(m, replayable) >= 7L * 24 * 3600 * 1000, replayable + " must keep at least 7 days for replay");
            assertTrue(location < retention(m, replayable), "navswap.location must keep less than " + replayable);
        }
        assertTrue(partitions(m, "navswap.location") >= partitions(m, "navswap.swaps"), "location is the high-volume topic");
    }

    @Test
    void serviceMonitorScrapesTheMetricsOfEveryService() {
        Manifests m = prod();
        GenericKubernetesResource monitor = only(m.generic("ServiceMonitor"));
        Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
        List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
        assertEquals("/q/metrics", endpoints.get(0).get("path"));
        for (Repo.Service s : Repo.services()) {
            Service svc = m.get(Service.class, s.name());
            assertTrue(Checks.selects(selector, svc.getMetadata().getLabels()), "ServiceMonitor does not select " + s.name());
            assertTrue(svc.getSpec().getPorts().stream().anyMatch(p -> p.getName().equals(endpoints.get(0).get("port"))),
                    s.name() + " has no port " + endpoints.get(0).get("port"));
        }
    }

    @Test
    void aiServiceReadsReplacementModelsFromAReadOnlyClaim() {
        Manifests m = prod();
        Volume models = m.get(Deployment.class, "ai-service").getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals("models")).findFirst().orElseThrow();
        assertTrue(models.getEmptyDir() == null && models.getPersistentVolumeClaim() != null
                && Boolean.TRUE.equals(models.getPersistentVolumeClaim().getReadOnly()), "models: one read-only PVC source");
        m.get(PersistentVolumeClaim.class, models.getPersistentVolumeClaim().getClaimName());
    }

    private static String topicName(GenericKubernetesResource t) {
        Object name = t.get("spec", "topicName");
        return name == null ? t.getMetadata().getName() : name.toString();
    }

    private static GenericKubernetesResource topic(Manifests m, String name) {
        return m.generic("KafkaTopic").stream().filter(t -> name.equals(topicName(t))).findFirst()
                .orElseThrow(() -> new AssertionError("no KafkaTopic " + name));
    }

    private static long retention(Manifests m, String name) {
        return Long.parseLong(topic(m, name).get("spec", "config", "retention.ms").toString());
    }

    private static int partitions(Manifests m, String name) {
        return ((Number) topic(m, name).get("spec", "partitions")).intValue();
    }

    private static GenericKubernetesResource only(List<GenericKubernetesResource> list) {
        assertEquals(1, list.size(), "exactly one expected: " + list.stream().map(Checks::id).toList());
        return list.get(0);
    }
}
