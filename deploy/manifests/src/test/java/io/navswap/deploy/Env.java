package io.navswap.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The environment a container gets, each variable with where its value comes from. */
final class Env {
    enum Kind { LITERAL, CONFIG_MAP_KEY, SECRET_KEY, CONFIG_MAP_ENV_FROM, SECRET_ENV_FROM, OTHER }

    record Variable(String name, Kind kind, String literal, String source, String key) {
        /** The value when it is known from the manifests (literal or a ConfigMap/Secret of the set). */
        Optional<String> value(Manifests m) {
            return switch (kind) {
                case LITERAL -> Optional.ofNullable(literal);
                case CONFIG_MAP_KEY, CONFIG_MAP_ENV_FROM -> m.configValue(source, key);
                case SECRET_KEY, SECRET_ENV_FROM -> m.secretValue(source, key);
                case OTHER -> Optional.empty();
            };
        }

        String describe() {
            return switch (kind) {
                case LITERAL -> "literal";
                case CONFIG_MAP_KEY -> "configMapKeyRef " + source + "/" + key;
                case SECRET_KEY -> "secretKeyRef " + source + "/" + key;
                case CONFIG_MAP_ENV_FROM -> "envFrom ConfigMap " + source;
                case SECRET_ENV_FROM -> "envFrom Secret " + source;
                case OTHER -> "fieldRef/resourceFieldRef";
            };
        }
    }

    /** The variables, plus envFrom sources whose keys the manifest set cannot show (a Secret made outside). */
    record Resolved(Map<String, Variable> variables, List<String> opaqueSources) {
    }

    private Env() {
    }

    static Resolved of(Container container, Manifests m) {
        Map<String, Variable> vars = new LinkedHashMap<>();
        List<String> opaque = new ArrayList<>();
        for (EnvFromSource from : nullSafe(container.getEnvFrom())) {
            String prefix = from.getPrefix() == null ? "" : from.getPrefix();
            if (from.getConfigMapRef() != null) {
                String name = from.getConfigMapRef().getName();
                Optional<ConfigMap> cm = m.find(ConfigMap.class, name);
                if (cm.isEmpty()) {
                    opaque.add("ConfigMap " + name);
                } else if (cm.get().getData() != null) {
                    cm.get().getData().keySet().forEach(k -> vars.put(prefix + k,
                            new Variable(prefix + k, Kind.CONFIG_MAP_ENV_FROM, null, name, k)));
                }
            }
            if (from.getSecretRef() != null) {
                String name = from.getSecretRef().getName();
                Optional<Secret> secret = m.find(Secret.class, name);
                if (secret.isEmpty()) {
                    opaque.add("Secret " + name);
                } else {
                    keys(secret.get()).forEach(k -> vars.put(prefix + k,
                            new Variable(prefix + k, Kind.SECRET_ENV_FROM, null, name, k)));
                }
            }
        }
        for (EnvVar env : nullSafe(container.getEnv())) {
            Variable v;
            if (env.getValueFrom() == null) {
                v = new Variable(env.getName(), Kind.LITERAL, env.getValue(), null, null);
            } else if (env.getValueFrom().getConfigMapKeyRef() != null) {
                v = new Variable(env.getName(), Kind.CONFIG_MAP_KEY, null,
                        env.getValueFrom().getConfigMapKeyRef().getName(), env.getValueFrom().getConfigMapKeyRef().getKey());
            } else if (env.getValueFrom().getSecretKeyRef() != null) {
                v = new Variable(env.getName(), Kind.SECRET_KEY, null,
                        env.getValueFrom().getSecretKeyRef().getName(), env.getValueFrom().getSecretKeyRef().getKey());
            } else {
                v = new Variable(env.getName(), Kind.OTHER, null, null, null);
            }
            vars.put(env.getName(), v);
        }
        return new Resolved(vars, opaque);
    }

    static List<String> keys(Secret secret) {
        List<String> keys = new ArrayList<>();
        if (secret.getData() != null) {
            keys.addAll(secret.getData().keySet());
        }
        if (secret.getStringData() != null) {
            keys.addAll(secret.getStringData().keySet());
        }
        return keys;
    }

    static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
