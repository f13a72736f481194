package io.navswap.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A set of Kubernetes resources, typed with the fabric8 model: either the plain files of a directory
 * (the base, meaningful without kubectl) or the output of {@code kubectl kustomize} for an overlay.
 * Kinds the model does not know (Strimzi, Prometheus Operator) stay {@link GenericKubernetesResource}.
 */
final class Manifests {
    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    final String origin;
    final List<HasMetadata> resources;

    private Manifests(String origin, List<HasMetadata> resources) {
        this.origin = origin;
        this.resources = List.copyOf(resources);
    }

    /** Every YAML file below {@code dir} except kustomization.yaml, parsed as it is. */
    static Manifests files(Path dir) {
        List<HasMetadata> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> !f.getFileName().toString().equals("kustomization.yaml")).sorted().toList()) {
                all.addAll(parse(Repo.read(file), Repo.ROOT.relativize(file).toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifests(Repo.ROOT.relativize(dir).toString(), all);
    }

    /** {@code kubectl kustomize deploy/k8s/<relative>}, once per JVM; skips the calling test without kubectl. */
    static Manifests rendered(String relative) {
        Assumptions.assumeTrue(kubectl().isPresent(), "kubectl is not on PATH: rendered overlays not checked");
        return RENDERED.computeIfAbsent(relative, r -> new Manifests("kubectl kustomize " + r,
                parse(kustomize(Repo.K8S.resolve(r)), "kubectl kustomize " + r)));
    }

    static Optional<Path> kubectl() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "kubectl");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String kustomize(Path dir) {
        try {
            Path err = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(kubectl().orElseThrow().toString(), "kustomize", dir.toString())
                    .redirectError(err.toFile()).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in 60 s");
            }
            String stderr = Files.readString(err);
            Files.deleteIfExists(err);
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed (" + process.exitValue() + "):\n" + stderr);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Each YAML document to its typed model object; a document the model rejects fails with its origin. */
    static List<HasMetadata> parse(String yaml, String origin) {
        List<HasMetadata> out = new ArrayList<>();
        for (Object doc : new Yaml(new LoaderOptions()).loadAll(yaml)) {
            if (doc == null) {
                continue;
            }
            Object resource;
            try {
                resource = SERIALIZATION.convertValue(doc, KubernetesResource.class);
            } catch (RuntimeException e) {
                throw new AssertionError(origin + ": not a valid Kubernetes resource: " + e.getMessage(), e);
            }
            if (!(resource instanceof HasMetadata hasMetadata)) {
                throw new AssertionError(origin + ": not a Kubernetes object with metadata: " + doc);
            }
            out.add(hasMetadata);
        }
        return out;
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(r -> r.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError(
                origin + ": no " + type.getSimpleName() + " named " + name));
    }

    List<GenericKubernetesResource> generic(String kind) {
        return resources.stream().filter(GenericKubernetesResource.class::isInstance)
                .map(GenericKubernetesResource.class::cast).filter(r -> kind.equals(r.getKind())).toList();
    }

    /** A value of a ConfigMap of this set, or empty when the map or key is absent. */
    Optional<String> configValue(String configMap, String key) {
        return find(ConfigMap.class, configMap).map(cm -> cm.getData() == null ? null : cm.getData().get(key));
    }

    /** A Secret's decoded value (data or stringData). */
    Optional<String> secretValue(String secret, String key) {
        return find(Secret.class, secret).map(s -> {
            if (s.getStringData() != null && s.getStringData().containsKey(key)) {
                return s.getStringData().get(key);
            }
            String data = s.getData() == null ? null : s.getData().get(key);
            return data == null ? null : new String(Base64.getMimeDecoder().decode(data), StandardCharsets.UTF_8);
        });
    }

    @Override
    public String toString() {
        return origin;
    }
}
