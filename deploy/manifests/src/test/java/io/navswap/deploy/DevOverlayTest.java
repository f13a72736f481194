package io.navswap.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** deploy/k8s/overlays/dev as `kubectl kustomize` renders it (skipped without kubectl, except the key copies). */
class DevOverlayTest {
    private static final Path SHARED_DEV_KEYS = Repo.ROOT.resolve("shared/contracts/src/main/resources/dev-keys");
    private static final Path OVERLAY_DEV_KEYS = Repo.K8S.resolve("overlays/dev/dev-keys");

    private static Manifests dev() {
        return Manifests.rendered("overlays/dev");
    }

    @Test
    void devKeyCopiesAreTheRepositorysDevOnlyKeys() {
        for (String file : List.of("jwks.json", "jwt-private.pem", "service-private.pem")) {
            assertArrayEquals(Repo.bytes(SHARED_DEV_KEYS.resolve(file)), Repo.bytes(OVERLAY_DEV_KEYS.resolve(file)),
                    "overlays/dev/dev-keys/" + file + " differs from shared/contracts dev-keys: copy it again");
        }
    }

    @Test
    void rendersValidResourcesAllInTheDevNamespace() {
        Manifests m = dev();
        List<String> problems = new ArrayList<>(Checks.strict(m));
        for (HasMetadata r : m.resources) {
            if (!(r instanceof Namespace) && !"navswap-dev".equals(r.getMetadata().getNamespace())) {
                problems.add(Checks.id(r) + " is not in namespace navswap-dev");
            }
        }
        assertTrue(problems.isEmpty(), Checks.report("dev overlay", problems));
    }

    @Test
    void runsOneReplicaOfEachServiceWithoutAutoscalersOrBudgets() {
        Manifests m = dev();
        assertTrue(m.all(HorizontalPodAutoscaler.class).isEmpty(), "dev must not autoscale");
        assertTrue(m.all(PodDisruptionBudget.class).isEmpty(), "dev must not have disruption budgets");
        List<String> problems = new ArrayList<>();
        for (Repo.Service s : Repo.services()) {
            Deployment d = m.get(Deployment.class, s.name());
            if (!Integer.valueOf(1).equals(d.getSpec().getReplicas())) {
                problems.add(s.name() + ": replicas " + d.getSpec().getReplicas());
            }
            problems.addAll(Checks.serviceWorkload(m, s, ServiceConfig.of(s)));
        }
        problems.addAll(Checks.gatewayIngress(m, false));
        assertTrue(problems.isEmpty(), Checks.report("dev services", problems));
    }

    @Test
    void bringsItsOwnMongoDbRedisAndOneNodeKafka() {
        Manifests m = dev();
        assertEquals("mongo:7", image(m.get(StatefulSet.class, "mongodb").getSpec().getTemplate().getSpec()));
        assertEquals("redis:7", image(m.get(Deployment.class, "redis").getSpec().getTemplate().getSpec()));
        StatefulSet kafka = m.get(StatefulSet.class, "kafka");
        assertTrue(image(kafka.getSpec().getTemplate().getSpec()).startsWith("apache/kafka:4.1."), "apache/kafka 4.1.x");
        assertEquals(1, kafka.getSpec().getReplicas());
        assertEquals(Boolean.FALSE, kafka.getSpec().getTemplate().getSpec().getEnableServiceLinks(),
                "the kafka image would read the injected KAFKA_PORT variable");
        List<String> problems = new ArrayList<>();
        for (Checks.PodOwner owner : Checks.podOwners(m)) {
            for (var c : Checks.allContainers(owner.spec())) {
                Checks.podSecurity(problems, owner.id(), owner.spec(), c, false);
            }
        }
        for (String variable : List.of("KAFKA_BOOTSTRAP_SERVERS")) {
            String value = m.configValue("navswap-common", variable).orElseThrow();
            String[] hostPort = value.split(":");
            if (!Checks.hasServicePort(m, hostPort[0], Integer.parseInt(hostPort[1]))) {
                problems.add(variable + "=" + value + " names no Service of the dev overlay");
            }
        }
        for (String[] secret : List.of(new String[] {"navswap-mongodb", "MONGODB_URL"}, new String[] {"navswap-redis", "REDIS_URL"})) {
            URI uri = URI.create(secretValue(m, secret[0], secret[1]));
            if (!Checks.hasServicePort(m, uri.getHost(), uri.getPort())) {
                problems.add(secret[1] + "=" + uri + " names no Service of the dev overlay");
            }
        }
        assertTrue(problems.isEmpty(), Checks.report("dev backends", problems));
    }

    @Test
    void generatesOnlyDevOnlySecretsAndTheJwtOnesFromTheRepositoryDevKeys() {
        Manifests m = dev();
        for (Secret s : m.all(Secret.class)) {
            assertEquals("true", Optional.ofNullable(s.getMetadata().getAnnotations()).orElse(Map.of()).get("navswap.io/dev-only"),
                    s.getMetadata().getName() + " must be annotated navswap.io/dev-only");
        }
        assertEquals(Repo.read(SHARED_DEV_KEYS.resolve("jwks.json")), secretValue(m, "navswap-jwt", "jwks.json"));
        assertEquals(Repo.read(SHARED_DEV_KEYS.resolve("jwt-private.pem")), secretValue(m, "navswap-jwt", "gateway-private.pem"));
        assertEquals(Repo.read(SHARED_DEV_KEYS.resolve("service-private.pem")), secretValue(m, "navswap-jwt", "service-private.pem"));
        String jwks = secretValue(m, "navswap-jwt", "jwks.json");
        for (String kid : List.of("NAVSWAP_JWT_KEY_ID", "NAVSWAP_JWT_SERVICE_KEY_ID")) {
            String value = m.configValue("navswap-common", kid).orElseThrow();
            assertTrue(jwks.contains("\"kid\": \"" + value + "\"") || jwks.contains("\"kid\":\"" + value + "\""),
                    kid + "=" + value + " is not a kid of the dev JWKS");
        }
        String active = secretValue(m, "navswap-qr-keys", "NAVSWAP_QUEUE_QR_ACTIVE_KID");
        assertTrue(active.matches("[a-z0-9]+"), "QR key ids are lowercase letters and digits: " + active);
        byte[] key = Base64.getDecoder().decode(secretValue(m, "navswap-qr-keys", "NAVSWAP_QUEUE_QR_KEYS_" + active.toUpperCase()));
        assertTrue(key.length >= 32, "the active QR key must have at least 32 bytes");
        List<String> problems = new ArrayList<>(Checks.secretHygiene(m));
        problems.addAll(Checks.references(m, true));
        problems.addAll(Checks.serviceUrls(m));
        assertTrue(problems.isEmpty(), Checks.report("dev references", problems));
    }

    @Test
    void topicJobCreatesEveryTopicTheServicesUse() {
        String script = String.join(" ", dev().get(Job.class, "kafka-topics").getSpec().getTemplate().getSpec()
                .getContainers().get(0).getCommand());
        List<String> missing = Topology.topics().stream().filter(t -> !script.contains(t)).toList();
        assertTrue(missing.isEmpty(), "kafka-topics Job does not create " + missing);
    }

    private static String image(io.fabric8.kubernetes.api.model.PodSpec spec) {
        return spec.getContainers().get(0).getImage();
    }

    private static String secretValue(Manifests m, String prefix, String key) {
        Secret secret = m.all(Secret.class).stream().filter(s -> s.getMetadata().getName().startsWith(prefix + "-"))
                .findFirst().orElseThrow(() -> new AssertionError("no generated Secret " + prefix));
        String data = secret.getData().get(key);
        assertTrue(data != null, prefix + " has no key " + key);
        return new String(Base64.getMimeDecoder().decode(data), StandardCharsets.UTF_8);
    }
}
