package io.navswap.messaging;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "navswap.outbox")
public interface OutboxConfig {
    /** Collections whose documents carry an {@code outbox} array; none means nothing to relay. */
    Optional<List<String>> collections();

    /** How often the relay looks for pending events when nobody nudged it. */
    Duration interval();

    /** Documents handled per collection and pass. */
    int batchSize();
}
