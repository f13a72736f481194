package io.navswap.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** deploy/k8s/base read file by file: needs no kubectl. */
class BaseManifestsTest {
    private static final Path BASE = Repo.K8S.resolve("base");
    private final Manifests base = Manifests.files(BASE);

    @Test
    void everyBaseFileIsAKubernetesResourceWithoutUnknownFields() {
        List<String> problems = Checks.strict(base);
        assertTrue(problems.isEmpty(), Checks.report("Unknown or malformed fields in the base", problems));
        assertTrue(base.resources.size() >= 36, "expected the 7 services' resources, got " + base.resources.size());
    }

    @Test
    void everyFileIsListedByItsKustomizationAndEveryListedFileExists() throws IOException {
        List<String> problems = new ArrayList<>();
        Set<Path> listed = new TreeSet<>();
        try (Stream<Path> kustomizations = Files.walk(Repo.K8S)) {
            for (Path k : kustomizations.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).toList()) {
                Map<String, Object> doc = new Yaml().load(Repo.read(k));
                for (String key : List.of("resources", "components")) {
                    for (Object entry : (List<?>) doc.getOrDefault(key, List.of())) {
                        Path target = k.getParent().resolve(entry.toString()).normalize();
                        if (!Files.exists(target)) {
                            problems.add(Repo.ROOT.relativize(k) + " lists missing " + entry);
                        }
                        listed.add(target);
                    }
                }
            }
        }
        try (Stream<Path> files = Files.walk(BASE)) {
            files.filter(f -> f.toString().endsWith(".yaml") && !f.getFileName().toString().equals("kustomization.yaml"))
                    .filter(f -> !listed.contains(f.normalize()))
                    .forEach(f -> problems.add(Repo.ROOT.relativize(f) + " is in no kustomization (never deployed)"));
        }
        assertTrue(problems.isEmpty(), Checks.report("Kustomization lists", problems));
    }

    @Test
    void eachServiceHasDeploymentServiceConfigMapAutoscalerAndDisruptionBudget() {
        List<String> problems = new ArrayList<>();
        for (Repo.Service s : Repo.services()) {
            for (var kind : List.of(Deployment.class, Service.class, HorizontalPodAutoscaler.class, PodDisruptionBudget.class)) {
                if (base.find(kind, s.name()).isEmpty()) {
                    problems.add(s.name() + ": no " + kind.getSimpleName());
                }
            }
            if (base.find(ConfigMap.class, s.name() + "-config").isEmpty()) {
                problems.add(s.name() + ": no ConfigMap " + s.name() + "-config");
            }
            if (problems.isEmpty()) {
                problems.addAll(Checks.serviceWorkload(base, s, ServiceConfig.of(s)));
                problems.addAll(Checks.autoscaling(base, s));
            }
        }
        assertTrue(problems.isEmpty(), Checks.report("Service workloads in the base", problems));
    }

    @Test
    void onlyTheGatewayIsPublicBehindAnIngressWithTls() {
        assertEquals(List.of("gateway"), base.all(Ingress.class).stream().map(i -> i.getMetadata().getName()).toList());
        List<String> problems = Checks.gatewayIngress(base, true);
        assertTrue(problems.isEmpty(), Checks.report("Ingress", problems));
    }

    @Test
    void secretsAreOnlyReferencedNeverDefined() {
        assertTrue(base.all(Secret.class).isEmpty(), "the base must not define Secrets");
        List<String> problems = new ArrayList<>(Checks.secretHygiene(base));
        problems.addAll(Checks.references(base, false));
        assertTrue(problems.isEmpty(), Checks.report("Secret handling in the base", problems));
    }

    @Test
    void serviceUrlsNameTheServicesAndPortsOfTheSpec() {
        List<String> problems = new ArrayList<>(Checks.serviceUrls(base));
        for (Repo.Service s : Repo.services()) {
            if (s.urlVariable() != null && !base.configValue("navswap-common", s.urlVariable()).orElse("").equals(s.url())) {
                problems.add("navswap-common " + s.urlVariable() + " must be " + s.url());
            }
        }
        assertTrue(problems.isEmpty(), Checks.report("Service URLs", problems));
    }
}
