package io.navswap.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server). In memory for tests; on disk (H2 MVStore) for the
 * launcher so that a restart keeps the data. Its limits (no transactions, no geo operators, TTL
 * indexes not enforced) are listed in PLATFORM-NOTES.md and designed around by the services.
 */
public final class EmbeddedMongo implements AutoCloseable {
    private final MongoServer server;
    private final int port;

    private EmbeddedMongo(MongoBackend backend, int port) {
        this.server = new MongoServer(backend);
        this.server.bind("127.0.0.1", port);
        this.port = port;
    }

    public static EmbeddedMongo inMemory(int port) {
        return new EmbeddedMongo(new IdLookupBackends.InMemory(), port);
    }

    public static EmbeddedMongo onDisk(Path file, int port) throws java.io.IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return new EmbeddedMongo(IdLookupBackends.OnDisk.open(file.toAbsolutePath().toString()), port);
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
