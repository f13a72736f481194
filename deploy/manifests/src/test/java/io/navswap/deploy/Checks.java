package io.navswap.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules every rendering (base files, dev, prod) must meet. Each method returns the problems it
 * found, so one run lists them all.
 */
final class Checks {
    static final Pattern SENSITIVE_NAME = Pattern.compile(".*(KEY|PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL).*");
    static final Pattern NOT_A_SECRET = Pattern.compile(".*(_KEY_ID|_KID|_LOCATION)$");
    static final Pattern URL_WITH_CREDENTIALS = Pattern.compile("[a-z][a-z0-9+.-]*://[^/@\\s:]*:[^/@\\s]+@.*");
    /** Data stores: their URLs may carry credentials, so they come from Secrets only. */
    static final List<String> SECRET_ONLY = List.of("MONGODB_URL", "REDIS_URL");

    private Checks() {
    }

    static List<String> strict(Manifests m) {
        List<String> problems = new ArrayList<>();
        for (HasMetadata r : m.resources) {
            StrictModel.unknownFields(r).forEach(p -> problems.add(id(r) + ": " + p));
            if (r.getMetadata() == null || r.getMetadata().getName() == null) {
                problems.add(r.getKind() + " without metadata.name");
            }
        }
        return problems;
    }

    /** A NavSwap service's Deployment, Service, HPA, PDB as the base defines them. */
    static List<String> serviceWorkload(Manifests m, Repo.Service s, ServiceConfig config) {
        List<String> p = new ArrayList<>();
        Deployment d = m.get(Deployment.class, s.name());
        String where = "Deployment " + s.name();
        PodTemplateSpec template = d.getSpec().getTemplate();
        Map<String, String> podLabels = template.getMetadata().getLabels();
        if (!selects(d.getSpec().getSelector().getMatchLabels(), podLabels)) {
            p.add(where + ": selector does not match the pod labels");
        }
        PodSpec pod = template.getSpec();
        List<Container> containers = pod.getContainers();
        if (containers.size() != 1 || !containers.get(0).getName().equals(s.name())) {
            p.add(where + ": expected one container named " + s.name());
            return p;
        }
        Container c = containers.get(0);
        if (!c.getImage().endsWith("navswap/" + s.name() + ":1.0.0")) {
            p.add(where + ": image " + c.getImage() + " is not navswap/" + s.name() + ":1.0.0");
        }
        Optional<ContainerPort> http = Env.nullSafe(c.getPorts()).stream().filter(port -> "http".equals(port.getName())).findFirst();
        if (http.isEmpty() || http.get().getContainerPort() != s.port()) {
            p.add(where + ": container port 'http' must be " + s.port() + " (SPEC, launcher)");
        }
        if (config.httpPort != null && config.httpPort != s.port()) {
            p.add(s.name() + ": quarkus.http.port " + config.httpPort + " differs from " + s.port());
        }
        probe(p, where + " startupProbe", c.getStartupProbe(), "/q/health/started");
        probe(p, where + " livenessProbe", c.getLivenessProbe(), "/q/health/live");
        probe(p, where + " readinessProbe", c.getReadinessProbe(), "/q/health/ready");
        resources(p, where, c, s.name().equals("ai-service") ? "768Mi" : "384Mi");
        podSecurity(p, where, pod, c, true);
        Map<String, String> annotations = Optional.ofNullable(template.getMetadata().getAnnotations()).orElse(Map.of());
        if (!"true".equals(annotations.get("prometheus.io/scrape")) || !"/q/metrics".equals(annotations.get("prometheus.io/path"))
                || !String.valueOf(s.port()).equals(annotations.get("prometheus.io/port"))) {
            p.add(where + ": prometheus.io annotations must be scrape=true, path=/q/metrics, port=" + s.port());
        }
        antiAffinity(p, where, pod, podLabels);
        gracefulShutdown(p, where, pod, c, m);
        jvmMemory(p, where, c, m);
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            p.add(where + ": automountServiceAccountToken must be false (the services never call the API server)");
        }
        Service svc = m.get(Service.class, s.name());
        if (!selects(svc.getSpec().getSelector(), podLabels)) {
            p.add("Service " + s.name() + ": selector does not select the Deployment's pods");
        }
        List<ServicePort> ports = svc.getSpec().getPorts();
        if (ports.size() != 1 || ports.get(0).getPort() != s.port() || !"http".equals(ports.get(0).getName())
                || !"http".equals(ports.get(0).getTargetPort().getStrVal())) {
            p.add("Service " + s.name() + ": one port 'http' " + s.port() + " -> targetPort http expected");
        }
        return p;
    }

    static List<String> autoscaling(Manifests m, Repo.Service s) {
        List<String> p = new ArrayList<>();
        HorizontalPodAutoscaler hpa = m.get(HorizontalPodAutoscaler.class, s.name());
        String where = "HorizontalPodAutoscaler " + s.name();
        if (!"Deployment".equals(hpa.getSpec().getScaleTargetRef().getKind())
                || !s.name().equals(hpa.getSpec().getScaleTargetRef().getName())) {
            p.add(where + ": must scale Deployment " + s.name());
        }
        int min = hpa.getSpec().getMinReplicas();
        int max = hpa.getSpec().getMaxReplicas();
        boolean busy = s.name().equals("gateway") || s.name().equals("queue-service");
        if (min < (busy ? 3 : 2) || max < (busy ? 15 : 10) || max <= min) {
            p.add(where + ": replicas " + min + ".." + max + " (expected min >= " + (busy ? 3 : 2) + ", max >= " + (busy ? 15 : 10) + ")");
        }
        List<MetricSpec> metrics = hpa.getSpec().getMetrics();
        boolean cpu70 = metrics.stream().anyMatch(ms -> "Resource".equals(ms.getType()) && "cpu".equals(ms.getResource().getName())
                && Integer.valueOf(70).equals(ms.getResource().getTarget().getAverageUtilization()));
        if (!cpu70) {
            p.add(where + ": CPU utilization target of 70 % expected");
        }
        Deployment d = m.get(Deployment.class, s.name());
        if (d.getSpec().getReplicas() != null) {
            p.add("Deployment " + s.name() + ": replicas set while an HPA owns the count (kubectl apply would reset it)");
        }
        PodDisruptionBudget pdb = m.get(PodDisruptionBudget.class, s.name());
        if (pdb.getSpec().getMinAvailable() == null || pdb.getSpec().getMinAvailable().getIntVal() == null
                || pdb.getSpec().getMinAvailable().getIntVal() != 1) {
            p.add("PodDisruptionBudget " + s.name() + ": minAvailable 1 expected");
        }
        if (!selects(pdb.getSpec().getSelector().getMatchLabels(), d.getSpec().getTemplate().getMetadata().getLabels())) {
            p.add("PodDisruptionBudget " + s.name() + ": selector does not match the pods");
        }
        return p;
    }

    static List<String> gatewayIngress(Manifests m, boolean tls) {
        List<String> p = new ArrayList<>();
        Ingress ingress = m.get(Ingress.class, "gateway");
        var rules = ingress.getSpec().getRules();
        if (rules.size() != 1) {
            p.add("Ingress gateway: one rule expected");
            return p;
        }
        for (var path : rules.get(0).getHttp().getPaths()) {
            IngressBackend backend = path.getBackend();
            if (!"gateway".equals(backend.getService().getName())) {
                p.add("Ingress gateway: routes to " + backend.getService().getName() + ", only the gateway is public");
            }
            var port = backend.getService().getPort();
            Service svc = m.get(Service.class, "gateway");
            boolean exists = svc.getSpec().getPorts().stream().anyMatch(sp -> Objects.equals(sp.getName(), port.getName())
                    || Objects.equals(sp.getPort(), port.getNumber()));
            if (!exists) {
                p.add("Ingress gateway: backend port " + port + " is not a port of Service gateway");
            }
        }
        if (tls) {
            if (ingress.getSpec().getTls() == null || ingress.getSpec().getTls().isEmpty()
                    || !"navswap-tls".equals(ingress.getSpec().getTls().get(0).getSecretName())
                    || !ingress.getSpec().getTls().get(0).getHosts().contains(rules.get(0).getHost())) {
                p.add("Ingress gateway: TLS with Secret navswap-tls for host " + rules.get(0).getHost() + " expected");
            }
        }
        return p;
    }

    /** No secret value in a manifest: sensitive names come from Secrets, URLs carry no credentials. */
    static List<String> secretHygiene(Manifests m) {
        List<String> p = new ArrayList<>();
        for (PodOwner owner : podOwners(m)) {
            for (Container c : allContainers(owner.spec())) {
                for (Env.Variable v : Env.of(c, m).variables().values()) {
                    String where = owner.id() + " container " + c.getName() + " env " + v.name();
                    boolean sensitive = SENSITIVE_NAME.matcher(v.name()).matches() && !NOT_A_SECRET.matcher(v.name()).matches();
                    boolean fromSecret = v.kind() == Env.Kind.SECRET_KEY || v.kind() == Env.Kind.SECRET_ENV_FROM;
                    if ((sensitive || SECRET_ONLY.contains(v.name())) && !fromSecret) {
                        p.add(where + ": must come from a Secret (secretKeyRef/envFrom secretRef), is " + v.describe());
                    }
                    Optional<String> value = fromSecret ? Optional.empty() : v.value(m);
                    if (value.isPresent() && (URL_WITH_CREDENTIALS.matcher(value.get()).matches()
                            || value.get().contains("-----BEGIN"))) {
                        p.add(where + ": a credential in plain configuration (" + v.describe() + ")");
                    }
                    if (v.name().endsWith("_LOCATION") && value.isPresent() && value.get().startsWith("/")
                            && !underSecretMount(value.get(), owner.spec(), c)) {
                        p.add(where + ": " + value.get() + " is not inside a mounted Secret volume");
                    }
                }
            }
        }
        for (ConfigMap cm : m.all(ConfigMap.class)) {
            Optional.ofNullable(cm.getData()).orElse(Map.of()).forEach((k, val) -> {
                if ((SENSITIVE_NAME.matcher(k).matches() && !NOT_A_SECRET.matcher(k).matches())
                        || URL_WITH_CREDENTIALS.matcher(val).matches() || val.contains("-----BEGIN")) {
                    p.add("ConfigMap " + cm.getMetadata().getName() + " key " + k + ": secret material in a ConfigMap");
                }
            });
        }
        return p;
    }

    /** Pod-level and container-level hardening; {@code readOnlyRoot} for the services. */
    static void podSecurity(List<String> p, String where, PodSpec pod, Container c, boolean readOnlyRoot) {
        PodSecurityContext psc = pod.getSecurityContext();
        SecurityContext sc = c.getSecurityContext();
        boolean nonRoot = psc != null && Boolean.TRUE.equals(psc.getRunAsNonRoot()) && psc.getRunAsUser() != null
                && psc.getRunAsUser() != 0;
        if (!nonRoot) {
            p.add(where + ": pod must set runAsNonRoot: true and a non-zero runAsUser");
        }
        if (psc == null || psc.getSeccompProfile() == null || !"RuntimeDefault".equals(psc.getSeccompProfile().getType())) {
            p.add(where + ": seccompProfile RuntimeDefault expected");
        }
        if (sc == null || !Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation()) || sc.getCapabilities() == null
                || !Env.nullSafe(sc.getCapabilities().getDrop()).contains("ALL")
                || (sc.getPrivileged() != null && sc.getPrivileged())) {
            p.add(where + ": container must drop ALL capabilities and forbid privilege escalation");
        }
        if (readOnlyRoot) {
            if (sc == null || !Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
                p.add(where + ": readOnlyRootFilesystem: true expected");
            }
            Optional<VolumeMount> tmp = Env.nullSafe(c.getVolumeMounts()).stream().filter(vm -> "/tmp".equals(vm.getMountPath())).findFirst();
            boolean tmpIsEmptyDir = tmp.isPresent() && Env.nullSafe(pod.getVolumes()).stream()
                    .anyMatch(v -> v.getName().equals(tmp.get().getName()) && v.getEmptyDir() != null);
            if (!tmpIsEmptyDir) {
                p.add(where + ": a writable emptyDir at /tmp is needed with a read-only root filesystem");
            }
        }
    }

    static void resources(List<String> p, String where, Container c, String minLimit) {
        var r = c.getResources();
        if (r == null || r.getRequests() == null || r.getLimits() == null || !r.getRequests().containsKey("cpu")
                || !r.getRequests().containsKey("memory") || !r.getLimits().containsKey("memory")) {
            p.add(where + ": cpu and memory requests and a memory limit expected");
            return;
        }
        BigDecimal request = Quantity.getAmountInBytes(r.getRequests().get("memory"));
        BigDecimal limit = Quantity.getAmountInBytes(r.getLimits().get("memory"));
        if (limit.compareTo(request) < 0) {
            p.add(where + ": memory limit below the request");
        }
        if (limit.compareTo(Quantity.getAmountInBytes(new Quantity(minLimit))) < 0) {
            p.add(where + ": memory limit " + r.getLimits().get("memory") + " below " + minLimit + " (measured RSS 220-270 MB)");
        }
        if (request.compareTo(Quantity.getAmountInBytes(new Quantity("256Mi"))) < 0) {
            p.add(where + ": memory request below the measured RSS of a JVM service");
        }
    }

    private static void probe(List<String> p, String where, Probe probe, String path) {
        HTTPGetAction get = probe == null ? null : probe.getHttpGet();
        if (get == null || !path.equals(get.getPath()) || !"http".equals(get.getPort().getStrVal())) {
            p.add(where + ": HTTP GET " + path + " on port http expected");
        }
    }

    private static void antiAffinity(List<String> p, String where, PodSpec pod, Map<String, String> podLabels) {
        List<WeightedPodAffinityTerm> preferred = pod.getAffinity() == null || pod.getAffinity().getPodAntiAffinity() == null
                ? List.of() : Env.nullSafe(pod.getAffinity().getPodAntiAffinity().getPreferredDuringSchedulingIgnoredDuringExecution());
        boolean ok = preferred.stream().anyMatch(t -> "kubernetes.io/hostname".equals(t.getPodAffinityTerm().getTopologyKey())
                && t.getPodAffinityTerm().getLabelSelector() != null
                && selects(t.getPodAffinityTerm().getLabelSelector().getMatchLabels(), podLabels));
        if (!ok) {
            p.add(where + ": preferred pod anti-affinity on kubernetes.io/hostname by its own app label expected");
        }
    }

    /** preStop pause + QUARKUS_SHUTDOWN_TIMEOUT must end before Kubernetes kills the pod. */
    private static void gracefulShutdown(List<String> p, String where, PodSpec pod, Container c, Manifests m) {
        Optional<String> timeout = Optional.ofNullable(Env.of(c, m).variables().get("QUARKUS_SHUTDOWN_TIMEOUT")).flatMap(v -> v.value(m));
        if (timeout.isEmpty()) {
            p.add(where + ": QUARKUS_SHUTDOWN_TIMEOUT (quarkus.shutdown.timeout) expected");
            return;
        }
        long shutdown = Duration.parse("PT" + timeout.get().toUpperCase(Locale.ROOT)).toSeconds();
        long preStop = 0;
        if (c.getLifecycle() != null && c.getLifecycle().getPreStop() != null && c.getLifecycle().getPreStop().getExec() != null) {
            Matcher sleep = Pattern.compile("sleep (\\d+)").matcher(String.join(" ", c.getLifecycle().getPreStop().getExec().getCommand()));
            preStop = sleep.find() ? Long.parseLong(sleep.group(1)) : 0;
        }
        Long grace = pod.getTerminationGracePeriodSeconds();
        if (grace == null || grace <= preStop + shutdown) {
            p.add(where + ": terminationGracePeriodSeconds " + grace + " must exceed preStop " + preStop + " s + shutdown " + shutdown + " s");
        }
    }

    /** Heap share of the limit given once to run-java.sh and once in JAVA_OPTS, the same; nothing in JAVA_OPTS_APPEND. */
    private static void jvmMemory(List<String> p, String where, Container c, Manifests m) {
        Map<String, Env.Variable> env = Env.of(c, m).variables();
        if (env.containsKey("JAVA_OPTS_APPEND")) {
            p.add(where + ": JAVA_OPTS_APPEND replaces the image's (log manager) setting; use JAVA_OPTS");
        }
        Optional<String> ratio = Optional.ofNullable(env.get("JAVA_MAX_MEM_RATIO")).flatMap(v -> v.value(m));
        Optional<String> opts = Optional.ofNullable(env.get("JAVA_OPTS")).flatMap(v -> v.value(m));
        Matcher pct = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(opts.orElse(""));
        if (ratio.isEmpty() || !pct.find() || !pct.group(1).equals(ratio.get())) {
            p.add(where + ": JAVA_MAX_MEM_RATIO and JAVA_OPTS -XX:MaxRAMPercentage must be set to the same value");
        } else if (Integer.parseInt(ratio.get()) < 40 || Integer.parseInt(ratio.get()) > 75) {
            p.add(where + ": heap share " + ratio.get() + " % leaves no room (or no heap) for a JVM in its limit");
        }
    }

    /** Every configMapKeyRef / secretKeyRef / envFrom / volume names something in this set (complete renderings). */
    static List<String> references(Manifests m, boolean secretsIncluded) {
        List<String> p = new ArrayList<>();
        for (PodOwner owner : podOwners(m)) {
            for (Container c : allContainers(owner.spec())) {
                Env.Resolved env = Env.of(c, m);
                env.opaqueSources().stream().filter(s -> secretsIncluded || !s.startsWith("Secret "))
                        .forEach(s -> p.add(owner.id() + ": envFrom " + s + " is not in " + m));
                for (Env.Variable v : env.variables().values()) {
                    if (v.kind() == Env.Kind.CONFIG_MAP_KEY && v.value(m).isEmpty()) {
                        p.add(owner.id() + " env " + v.name() + ": " + v.describe() + " does not exist");
                    }
                    if (secretsIncluded && v.kind() == Env.Kind.SECRET_KEY && v.value(m).isEmpty()) {
                        p.add(owner.id() + " env " + v.name() + ": " + v.describe() + " does not exist");
                    }
                }
            }
            for (Volume vol : Env.nullSafe(owner.spec().getVolumes())) {
                if (vol.getConfigMap() != null && m.find(ConfigMap.class, vol.getConfigMap().getName()).isEmpty()) {
                    p.add(owner.id() + " volume " + vol.getName() + ": ConfigMap " + vol.getConfigMap().getName() + " missing");
                }
                if (secretsIncluded && vol.getSecret() != null) {
                    var secret = m.find(io.fabric8.kubernetes.api.model.Secret.class, vol.getSecret().getSecretName());
                    if (secret.isEmpty()) {
                        p.add(owner.id() + " volume " + vol.getName() + ": Secret " + vol.getSecret().getSecretName() + " missing");
                    } else {
                        Env.nullSafe(vol.getSecret().getItems()).stream().filter(i -> !Env.keys(secret.get()).contains(i.getKey()))
                                .forEach(i -> p.add(owner.id() + " volume " + vol.getName() + ": key " + i.getKey() + " not in the Secret"));
                    }
                }
            }
        }
        return p;
    }

    /** NAVSWAP_<X>_URL values name a Service of the set and one of its ports. */
    static List<String> serviceUrls(Manifests m) {
        List<String> p = new ArrayList<>();
        for (PodOwner owner : podOwners(m)) {
            for (Container c : allContainers(owner.spec())) {
                for (Env.Variable v : Env.of(c, m).variables().values()) {
                    if (v.name().matches("NAVSWAP_[A-Z]+_URL")) {
                        Optional<String> value = v.value(m);
                        if (value.isEmpty()) {
                            continue;
                        }
                        URI uri = URI.create(value.get());
                        if (!hasServicePort(m, uri.getHost(), uri.getPort())) {
                            p.add(owner.id() + " env " + v.name() + "=" + value.get() + ": no such Service and port");
                        }
                    }
                }
            }
        }
        return p;
    }

    static boolean hasServicePort(Manifests m, String host, int port) {
        return m.find(Service.class, host).map(s -> s.getSpec().getPorts().stream().anyMatch(sp -> sp.getPort() == port))
                .orElse(false);
    }

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels != null && labels.entrySet().containsAll(selector.entrySet());
    }

    static boolean underSecretMount(String path, PodSpec pod, Container c) {
        return Env.nullSafe(c.getVolumeMounts()).stream().anyMatch(vm -> path.startsWith(vm.getMountPath() + "/")
                && Env.nullSafe(pod.getVolumes()).stream().anyMatch(v -> v.getName().equals(vm.getName()) && v.getSecret() != null));
    }

    record PodOwner(String id, PodSpec spec, Map<String, String> labels) {
    }

    static List<PodOwner> podOwners(Manifests m) {
        List<PodOwner> owners = new ArrayList<>();
        m.all(Deployment.class).forEach(d -> owners.add(new PodOwner("Deployment " + d.getMetadata().getName(),
                d.getSpec().getTemplate().getSpec(), d.getSpec().getTemplate().getMetadata().getLabels())));
        m.all(StatefulSet.class).forEach(d -> owners.add(new PodOwner("StatefulSet " + d.getMetadata().getName(),
                d.getSpec().getTemplate().getSpec(), d.getSpec().getTemplate().getMetadata().getLabels())));
        m.all(Job.class).forEach(d -> owners.add(new PodOwner("Job " + d.getMetadata().getName(),
                d.getSpec().getTemplate().getSpec(), d.getSpec().getTemplate().getMetadata().getLabels())));
        return owners;
    }

    static List<Container> allContainers(PodSpec spec) {
        List<Container> all = new ArrayList<>(Env.nullSafe(spec.getInitContainers()));
        all.addAll(spec.getContainers());
        return all;
    }

    static String id(HasMetadata r) {
        return r.getKind() + " " + (r.getMetadata() == null ? "?" : r.getMetadata().getName());
    }

    static String report(String title, List<String> problems) {
        return title + ":\n  - " + String.join("\n  - ", problems);
    }
}
