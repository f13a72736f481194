package io.navswap.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every environment variable a Deployment gives a service is one that service reads, and every
 * variable whose built-in default is wrong in a cluster (a loopback address, a DEV-ONLY key) is given.
 * Reads the services' configuration at test time; a service whose application.properties does not
 * exist yet is reported as skipped.
 */
class EnvironmentContractTest {

    @TestFactory
    Stream<DynamicTest> baseGivesEachServiceOnlyVariablesItReads() {
        return contract("base", () -> Manifests.files(Repo.K8S.resolve("base")));
    }

    @TestFactory
    Stream<DynamicTest> devOverlayGivesEachServiceOnlyVariablesItReads() {
        return contract("overlays/dev", () -> Manifests.rendered("overlays/dev"));
    }

    @TestFactory
    Stream<DynamicTest> prodOverlayGivesEachServiceOnlyVariablesItReads() {
        return contract("overlays/prod", () -> Manifests.rendered("overlays/prod"));
    }

    private static Stream<DynamicTest> contract(String rendering, Supplier<Manifests> manifests) {
        return Repo.services().stream().map(s -> DynamicTest.dynamicTest(rendering + ": " + s.name(), () -> {
            ServiceConfig config = ServiceConfig.of(s);
            Assumptions.assumeTrue(config.written, s.module() + "/src/main/resources/application.properties does not exist yet");
            List<String> problems = check(manifests.get(), s, config);
            assertTrue(problems.isEmpty(), Checks.report(rendering + ", " + s.name()
                    + " (known from its application.properties, shared conventions, Quarkus run-time properties,"
                    + " run-java.sh)", problems));
        }));
    }

    static List<String> check(Manifests m, Repo.Service s, ServiceConfig config) {
        List<String> problems = new ArrayList<>();
        Container container = m.get(Deployment.class, s.name()).getSpec().getTemplate().getSpec().getContainers().get(0);
        Env.Resolved env = Env.of(container, m);
        for (Map.Entry<String, Env.Variable> e : env.variables().entrySet()) {
            boolean fromSecretEnvFrom = e.getValue().kind() == Env.Kind.SECRET_ENV_FROM;
            if (!config.reads(e.getKey(), fromSecretEnvFrom)) {
                problems.add(e.getKey() + " (" + e.getValue().describe() + ") is read by nothing in " + s.name());
            }
        }
        for (String required : config.requiredInCluster) {
            if (!env.variables().containsKey(required)) {
                problems.add(required + " is not set: " + s.name() + "'s default would point at a loopback address or a DEV-ONLY key");
            }
        }
        return problems;
    }
}
