package io.navswap.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/compose/docker-compose.yml gives the services the environment the launcher gives them
 * (read from the launcher's source at test time), with health checks and start order.
 * No Docker engine here: the file is checked, not run.
 */
class ComposeFileTest {
    private static final List<String> BACKENDS = List.of("mongo", "redis", "kafka");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        Map<String, Object> compose = new Yaml(new LoaderOptions())
                .load(Repo.read(Repo.ROOT.resolve("deploy/compose/docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    /** Variable names the launcher sets for every service (Stack.environment, ServiceProcess.start). */
    private static Set<String> launcherVariables() {
        Set<String> names = new TreeSet<>();
        String launcher = Repo.read(Repo.ROOT.resolve("deploy/launcher/src/main/java/io/navswap/launcher/Stack.java"))
                + Repo.read(Repo.ROOT.resolve("deploy/launcher/src/main/java/io/navswap/launcher/ServiceProcess.java"));
        Matcher put = Pattern.compile("\\.put\\(\"([A-Z][A-Z0-9_]+)\"").matcher(launcher);
        while (put.find()) {
            names.add(put.group(1));
        }
        Repo.services().stream().filter(s -> s.urlVariable() != null).forEach(s -> names.add(s.urlVariable()));
        return names;
    }

    @Test
    void everyServiceGetsTheLaunchersEnvironmentPointingAtComposeHosts() {
        Map<String, Map<String, Object>> services = services();
        Set<String> expected = launcherVariables();
        assertTrue(expected.containsAll(Set.of("MONGODB_URL", "KAFKA_BOOTSTRAP_SERVERS", "REDIS_URL", "NAVSWAP_SEED_ENABLED",
                "QUARKUS_HTTP_PORT")), "launcher variables not found in its source: " + expected);
        List<String> problems = new ArrayList<>();
        for (Repo.Service s : Repo.services()) {
            Map<String, Object> svc = services.get(s.name());
            if (svc == null) {
                problems.add("no compose service " + s.name());
                continue;
            }
            if (!("navswap/" + s.name() + ":1.0.0").equals(svc.get("image"))) {
                problems.add(s.name() + ": image " + svc.get("image"));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> env = (Map<String, Object>) svc.get("environment");
            for (String name : expected) {
                if (!env.containsKey(name)) {
                    problems.add(s.name() + ": " + name + " missing (the launcher sets it)");
                }
            }
            if (!"true".equals(String.valueOf(env.get("NAVSWAP_SEED_ENABLED")))) {
                problems.add(s.name() + ": NAVSWAP_SEED_ENABLED must be true like the launcher");
            }
            if (!String.valueOf(s.port()).equals(String.valueOf(env.get("QUARKUS_HTTP_PORT")))) {
                problems.add(s.name() + ": QUARKUS_HTTP_PORT must be " + s.port());
            }
            for (Repo.Service peer : Repo.services()) {
                if (peer.urlVariable() != null && !peer.url().equals(env.get(peer.urlVariable()))) {
                    problems.add(s.name() + ": " + peer.urlVariable() + " must be " + peer.url());
                }
            }
            checkHost(problems, s.name(), "MONGODB_URL", URI.create(env.get("MONGODB_URL").toString()).getHost(), services);
            checkHost(problems, s.name(), "REDIS_URL", URI.create(env.get("REDIS_URL").toString()).getHost(), services);
            checkHost(problems, s.name(), "KAFKA_BOOTSTRAP_SERVERS", env.get("KAFKA_BOOTSTRAP_SERVERS").toString().split(":")[0], services);
            if (!(svc.get("healthcheck") instanceof Map<?, ?> health) || !health.toString().contains("/q/health/ready")
                    || !health.toString().contains(String.valueOf(s.port()))) {
                problems.add(s.name() + ": healthcheck on /q/health/ready of port " + s.port() + " expected");
            }
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> dependsOn = (Map<String, Map<String, Object>>) svc.get("depends_on");
            for (String backend : List.of("mongo", "redis")) {
                if (dependsOn == null || !dependsOn.containsKey(backend)
                        || !"service_healthy".equals(dependsOn.get(backend).get("condition"))) {
                    problems.add(s.name() + ": depends_on " + backend + " (service_healthy) expected");
                }
            }
            if (dependsOn == null || !dependsOn.containsKey("kafka-init")
                    || !"service_completed_successfully".equals(dependsOn.get("kafka-init").get("condition"))) {
                problems.add(s.name() + ": depends_on kafka-init (service_completed_successfully) expected");
            }
        }
        assertTrue(problems.isEmpty(), Checks.report("Compose services", problems));
    }

    @Test
    void backendsAreMongoRedisAndOneKraftKafkaWithHealthChecks() {
        Map<String, Map<String, Object>> services = services();
        assertEquals("mongo:7", services.get("mongo").get("image"));
        assertEquals("redis:7", services.get("redis").get("image"));
        assertTrue(services.get("kafka").get("image").toString().startsWith("apache/kafka:4.1."));
        for (String backend : BACKENDS) {
            assertTrue(services.get(backend).containsKey("healthcheck"), backend + " needs a healthcheck");
        }
        String roles = ((Map<?, ?>) services.get("kafka").get("environment")).get("KAFKA_PROCESS_ROLES").toString();
        assertEquals("broker,controller", roles, "one KRaft node acting as broker and controller");
        String script = services.get("kafka-init").get("command").toString();
        List<String> missing = Topology.topics().stream().filter(t -> !script.contains(t)).toList();
        assertTrue(missing.isEmpty(), "kafka-init does not create " + missing);
    }

    private static void checkHost(List<String> problems, String service, String variable, String host,
            Map<String, Map<String, Object>> services) {
        if (!services.containsKey(host)) {
            problems.add(service + ": " + variable + " names host " + host + ", not a compose service");
        }
    }
}
