package io.navswap.embedded;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** A fresh server on each backend (the tests' in-memory one, the launcher's on-disk one) for parameterized tests. */
final class BothBackends {
    private BothBackends() {
    }

    static Stream<Arguments> servers(Path dir, String file) throws Exception {
        return Stream.of(
                Arguments.of("memory", EmbeddedMongo.inMemory(FreePorts.any())),
                Arguments.of("disk", EmbeddedMongo.onDisk(dir.resolve(file), FreePorts.any())));
    }
}
