package io.navswap.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bson.Document;
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

    /** The {@code _id}s of the documents found, sorted, so that an assertion does not depend on the scan order. */
    static List<String> sortedIds(Iterable<Document> found) {
        List<String> ids = new ArrayList<>();
        found.forEach(doc -> ids.add(doc.getString("_id")));
        ids.sort(String::compareTo);
        return ids;
    }
}
