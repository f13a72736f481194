package io.navswap.ai.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** ai-service settings (defaults in application.properties, env vars in README.md). */
@ConfigMapping(prefix = "navswap.ai")
public interface AiConfig {

    /**
     * Directory whose valid {@code <model>.onnx} files override the bundled ones (a Kubernetes volume in
     * production); a {@code <model>.disabled} file there switches that model to its fallback. Re-read on
     * {@code POST /ai/models/reload}.
     */
    Optional<String> modelsDir();

    /** Models always answered by their fallback heuristic (names as in model-status). */
    Optional<Set<String>> disabledModels();

    /** Time zone for the default hour and day of week of a request. */
    @WithDefault("Asia/Kolkata")
    String zone();

    Onnx onnx();

    Cache cache();

    interface Onnx {
        /** Threads of the one global intra-op pool shared by all sessions (1 = the calling thread only). */
        @WithDefault("1")
        int intraOpThreads();

        @WithDefault("1")
        int interOpThreads();
    }

    interface Cache {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("10m")
        Duration ttl();

        /** A slower Redis answer counts as a miss: the prediction is computed instead. */
        @WithDefault("100ms")
        Duration timeout();

        @WithDefault("navswap:ai:")
        String keyPrefix();
    }
}
