package io.navswap.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The repository as the tests read it, at test time: the services come from the launcher's
 * {@code ServiceSpec} (name, module, port offset from the gateway's 8080, URL variable), so a change
 * there is followed here without editing the test.
 */
final class Repo {
    static final Path ROOT = locate();
    static final Path K8S = ROOT.resolve("deploy/k8s");
    static final int PORT_BASE = 8080;

    private static final Pattern SERVICE_SPEC = Pattern.compile(
            "new ServiceSpec\\(\"([^\"]+)\",\\s*\"([^\"]+)\",\\s*(\\d+),\\s*(null|\"([A-Z0-9_]+)\")\\)");

    private Repo() {
    }

    /** One of the seven services, as the launcher runs it. */
    record Service(String name, String module, int port, String urlVariable) {
        Path moduleDir() {
            return ROOT.resolve(module);
        }

        String url() {
            return "http://" + name + ":" + port;
        }
    }

    static List<Service> services() {
        String source = read(ROOT.resolve("deploy/launcher/src/main/java/io/navswap/launcher/ServiceSpec.java"));
        List<Service> services = new ArrayList<>();
        Matcher m = SERVICE_SPEC.matcher(source);
        while (m.find()) {
            services.add(new Service(m.group(1), m.group(2), PORT_BASE + Integer.parseInt(m.group(3)), m.group(5)));
        }
        if (services.size() != 7) {
            throw new IllegalStateException("Expected the 7 services in ServiceSpec.java, found " + services);
        }
        return services;
    }

    static Service service(String name) {
        return services().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** Kafka topic names declared in the shared contracts ({@code Topics.java}). */
    static List<String> sharedTopics() {
        String source = read(ROOT.resolve("shared/contracts/src/main/java/io/navswap/shared/events/Topics.java"));
        List<String> topics = new ArrayList<>();
        Matcher m = Pattern.compile("static final String [A-Z_]+ = \"(navswap\\.[a-z.\\-]+)\"").matcher(source);
        while (m.find()) {
            topics.add(m.group(1));
        }
        return topics;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Set by surefire ({@code navswap.home}); otherwise the nearest parent holding deploy/k8s. */
    private static Path locate() {
        String home = System.getProperty("navswap.home");
        if (home != null && Files.isDirectory(Path.of(home, "deploy/k8s"))) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/k8s")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("Cannot find the repository root (deploy/k8s) from " + Path.of("").toAbsolutePath());
    }
}
