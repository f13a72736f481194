package io.navswap.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one service reads from its environment, collected at test time from:
 * <ul>
 * <li>its {@code src/main/resources/application.properties} (keys without a profile or with {@code %prod.}),</li>
 * <li>the shared conventions it depends on: shared/contracts and, when its pom depends on it,
 * shared/messaging ({@code META-INF/microprofile-config.properties}),</li>
 * <li>Quarkus' run-time properties (config model of quarkus-core),</li>
 * <li>the base image's launcher (run-java.sh): {@link #IMAGE_LAUNCHER}.</li>
 * </ul>
 * A variable is read when it is a {@code ${VAR}} placeholder, or the environment form of a property
 * name: upper case, every non-alphanumeric character replaced by {@code _} (MicroProfile Config).
 */
final class ServiceConfig {
    /** Read by the image's /opt/jboss/container/java/run/run-java.sh, not by the application. */
    static final Set<String> IMAGE_LAUNCHER = Set.of("JAVA_OPTS", "JAVA_MAX_MEM_RATIO");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-\"]+)");
    private static final Pattern ENV_WITH_DEFAULT = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):([^}$]*)}");
    private static final Pattern PROFILE = Pattern.compile("^%([a-z0-9,\\-]+)\\.");
    private static final Set<String> QUARKUS_RUNTIME = quarkusRuntimeEnv();
    /** Key ids of the repository's DEV-ONLY JWKS: a default naming one of them is wrong in a cluster. */
    private static final Set<String> DEV_KIDS = devKeyIds();

    final Repo.Service service;
    final boolean written;
    /** Exact names the service reads. */
    final Set<String> known = new TreeSet<>();
    /** Environment prefixes ({@code X_}) of map-valued properties: {@code X_<key>} is read too. */
    final Set<String> mapPrefixes = new TreeSet<>();
    /** Variables whose built-in default is wrong in a cluster (loopback address, DEV-ONLY key). */
    final Set<String> requiredInCluster = new TreeSet<>();
    final Set<String> consumedTopics = new TreeSet<>();
    final Set<String> deadLetterTopics = new TreeSet<>();
    final boolean usesMessaging;
    Integer httpPort;

    private ServiceConfig(Repo.Service service) {
        this.service = service;
        Path own = service.moduleDir().resolve("src/main/resources/application.properties");
        this.written = Files.isRegularFile(own);
        String pom = Repo.read(service.moduleDir().resolve("pom.xml"));
        this.usesMessaging = dependsOn(pom, "navswap-messaging");
        if (!written) {
            return;
        }
        Properties app = load(own);
        collect(app, true);
        if (dependsOn(pom, "navswap-shared")) {
            Properties contracts = load(Repo.ROOT.resolve(
                    "shared/contracts/src/main/resources/META-INF/microprofile-config.properties"));
            collect(contracts, false);
            // DEV-ONLY defaults of the conventions: every service verifies tokens (public keys) and tells
            // service tokens from user tokens by the service key id; only the services with shared/messaging
            // sign service tokens (ServiceTokens) with the service private key.
            requireIfDeclared(contracts, "NAVSWAP_JWT_PUBLIC_KEYS_LOCATION");
            requireIfDeclared(contracts, "NAVSWAP_JWT_SERVICE_KEY_ID");
            if (usesMessaging) {
                requireIfDeclared(contracts, "NAVSWAP_JWT_SERVICE_PRIVATE_KEY_LOCATION");
            }
        }
        if (usesMessaging) {
            collect(load(Repo.ROOT.resolve("shared/messaging/src/main/resources/META-INF/microprofile-config.properties")),
                    false);
        }
        String port = app.getProperty("quarkus.http.port");
        httpPort = port == null ? null : Integer.valueOf(port.trim());
    }

    static ServiceConfig of(Repo.Service service) {
        return new ServiceConfig(service);
    }

    /** Whether the service reads {@code name}; with {@code mapEntryAllowed} also as an entry of a map property. */
    boolean reads(String name, boolean mapEntryAllowed) {
        if (known.contains(name) || QUARKUS_RUNTIME.contains(name) || IMAGE_LAUNCHER.contains(name)) {
            return true;
        }
        return mapEntryAllowed && mapPrefixes.stream().anyMatch(p -> name.startsWith(p) && name.length() > p.length());
    }

    static String envForm(String property) {
        StringBuilder sb = new StringBuilder(property.length());
        for (char c : property.toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toUpperCase(c) : '_');
        }
        return sb.toString();
    }

    private void collect(Properties props, boolean own) {
        for (String rawKey : props.stringPropertyNames()) {
            Matcher profile = PROFILE.matcher(rawKey);
            if (profile.find() && !profile.group(1).equals("prod")) {
                continue; // %dev / %test values never run in a cluster
            }
            String key = profile.reset().replaceFirst("");
            String value = props.getProperty(rawKey);
            known.add(envForm(key));
            int dot = key.lastIndexOf('.');
            if (dot > 0) {
                mapPrefixes.add(envForm(key.substring(0, dot)) + "_");
            }
            Matcher placeholder = PLACEHOLDER.matcher(value);
            while (placeholder.find()) {
                String name = placeholder.group(1);
                known.add(name.matches("[A-Z][A-Z0-9_]*") ? name : envForm(name));
            }
            if (own) {
                Matcher withDefault = ENV_WITH_DEFAULT.matcher(value);
                while (withDefault.find()) {
                    if (clusterUnsafe(withDefault.group(2))) {
                        requiredInCluster.add(withDefault.group(1));
                    }
                }
                if (key.startsWith("mp.messaging.incoming.")) {
                    if (key.endsWith(".dead-letter-queue.topic")) {
                        deadLetterTopics.add(value.trim());
                    } else if (key.endsWith(".topic")) {
                        consumedTopics.add(value.trim());
                    }
                }
            }
        }
    }

    private void requireIfDeclared(Properties props, String variable) {
        for (String key : props.stringPropertyNames()) {
            if (props.getProperty(key).contains("${" + variable + ":")) {
                requiredInCluster.add(variable);
            }
        }
    }

    private static boolean clusterUnsafe(String defaultValue) {
        String d = defaultValue.toLowerCase(Locale.ROOT).trim();
        return d.contains("127.0.0.1") || d.contains("localhost") || d.startsWith("dev-keys/") || DEV_KIDS.contains(d);
    }

    private static Set<String> devKeyIds() {
        Set<String> kids = new TreeSet<>();
        try {
            JsonNode jwks = new ObjectMapper().readTree(Repo.ROOT.resolve(
                    "shared/contracts/src/main/resources/dev-keys/jwks.json").toFile());
            jwks.path("keys").forEach(k -> kids.add(k.path("kid").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return kids;
    }

    /** A compile-scope (not test) dependency on a NavSwap module. */
    private static boolean dependsOn(String pom, String artifactId) {
        Matcher dependency = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(pom);
        while (dependency.find()) {
            String block = dependency.group(1);
            if (block.contains("<artifactId>" + artifactId + "</artifactId>") && !block.contains("<scope>test</scope>")) {
                return true;
            }
        }
        return false;
    }

    private static Properties load(Path file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    /** QUARKUS_* variables of run-time properties (build-time ones cannot be changed in a pod). */
    private static Set<String> quarkusRuntimeEnv() {
        Set<String> names = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try {
            Enumeration<URL> models = ServiceConfig.class.getClassLoader()
                    .getResources("META-INF/quarkus-config-doc/quarkus-config-model.json");
            for (URL url : Collections.list(models)) {
                try (InputStream in = url.openStream()) {
                    json.readTree(in).findParents("path").forEach(item -> {
                        JsonNode path = item.get("path");
                        JsonNode env = path.get("environmentVariable");
                        if (env != null && "RUN_TIME".equals(item.path("phase").asText())
                                && env.asText().matches("QUARKUS_[A-Z0-9_]+") && !env.asText().contains("__")) {
                            names.add(env.asText());
                        }
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!names.contains("QUARKUS_SHUTDOWN_TIMEOUT")) {
            throw new IllegalStateException("quarkus-core's config model is not on the test class path");
        }
        return names;
    }

    @Override
    public String toString() {
        return service.name();
    }
}
