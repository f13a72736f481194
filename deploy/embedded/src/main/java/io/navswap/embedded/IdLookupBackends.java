package io.navswap.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server backends that read a query pinning {@code _id} to one value through the {@code _id} index,
 * and that keep the non-unique indexes the services create ({@link SecondaryIndex}) instead of ignoring them.
 *
 * <p>The server uses an index only when a query names exactly that index's fields: {@code {_id: x}} is a lookup,
 * but {@code {_id: x, version: 3}} or {@code {$and: [{_id: x}, {status: "STARTED"}]}} (every conditional update,
 * findAndModify and outbox read of the services) reads the whole collection, which grows with every journey. Such a
 * query can only match the document with that {@code _id}, so these collections fetch it by the index and leave
 * the rest of the query to the server's own matcher: the same answers, one document read instead of all of them.
 * A real MongoDB does this by itself.
 *
 * <p>Their databases also let an aggregation read through those indexes when it starts with a {@code $match}
 * ({@link AggregateInput}): the driver's {@code countDocuments} is such a pipeline.
 */
final class IdLookupBackends {
    private static final String ID = "_id";

    private IdLookupBackends() {
    }

    /** Reads the one document {@code query} pins by its position, or lets the server plan the query. */
    static <P> QueryResult query(List<Index<P>> indexes, Document query, Function<Iterable<P>, QueryResult> atPositions,
            Supplier<QueryResult> planned) {
        Iterable<P> pinned = pinnedPositions(indexes, query);
        return pinned == null ? planned.get() : atPositions.apply(pinned);
    }

    /** Positions of the only document that can match {@code query}, or {@code null} to let the server plan. */
    private static <P> Iterable<P> pinnedPositions(List<Index<P>> indexes, Document query) {
        Object id = pinnedId(query);
        if (id == null) {
            return null;
        }
        Document byId = new Document(ID, id);
        for (Index<P> index : indexes) {
            if (index.canHandle(byId)) {
                return index.getPositions(byId);
            }
        }
        return null;
    }

    /**
     * The value {@code query} requires {@code _id} to equal, at its top level or in a top-level {@code $and}; null
     * when there is none, or when the query is {@code {_id: x}} alone (the server looks that up already).
     */
    private static Object pinnedId(Document query) {
        if (query.keySet().equals(Set.of(ID))) {
            return null;
        }
        Object id = plainValue(query.get(ID));
        if (id != null) {
            return id;
        }
        if (query.get("$and") instanceof List<?> parts) {
            for (Object part : parts) {
                if (part instanceof Document condition) {
                    Object pinned = plainValue(condition.get(ID));
                    if (pinned != null) {
                        return pinned;
                    }
                }
            }
        }
        return null;
    }

    /** A value compared by equality; operators ({@code {$in: ...}}), arrays and patterns are not. */
    private static Object plainValue(Object value) {
        return value == null || value instanceof Document || value instanceof Collection<?>
                || value instanceof BsonRegularExpression ? null : value;
    }

    /** On disk (the launcher), with unique indexes keyed by {@link KeyValueType}. */
    static final class OnDisk extends H2Backend {
        /** Map name infixes: ours, and H2Database's for the same index under H2's default key type. */
        private static final String UNIQUE_INDEX_MAP = "._unique_";
        private static final String LIBRARY_UNIQUE_INDEX_MAP = "._index_";

        private OnDisk(MVStore store) {
            super(store);
        }

        /** Opens (or creates) the store in {@code file}, converted to {@link StoreFormat} first. */
        static OnDisk open(String file) {
            MVStore store = MVStore.open(file);
            try {
                StoreFormat.convert(store, name -> name.contains(UNIQUE_INDEX_MAP));
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
            return new OnDisk(store);
        }

        @Override
        protected MongoDatabase openOrCreateDatabase(String name) {
            return new Database(name);
        }

        /** Inner, not static: H2Database opens its existing collections in its constructor, before our fields exist. */
        private final class Database extends H2Database {
            Database(String name) {
                super(name, getMvStore(), getCursorRegistry());
            }

            /** Lets a pipeline that starts with a match read through the indexes ({@link AggregateInput}). */
            @Override
            public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                    Oplog oplog) {
                return AggregateInput.handle(getDatabaseName(), command, query,
                        () -> super.handleCommand(channel, command, query, resolver, oplog));
            }

            /** As {@link H2Database} opens a collection (same map names), as an {@link IdLookupCollection}. */
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
                String namespace = getFullCollectionNamespace(name);
                MVStore store = getMvStore();
                MVMap<String, Object> meta = store.openMap("meta." + namespace);
                return new IdLookupCollection(this, name, options, StoreFormat.documents(store, namespace), meta,
                        cursorRegistry);
            }

            @Override
            protected Index<Object> openOrCreateSecondaryIndex(String collection, String name, List<IndexKey> keys,
                    boolean sparse) {
                return new SecondaryIndex<>(name, keys, sparse);
            }

            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collection, String name, List<IndexKey> keys,
                    boolean sparse) {
                return KeyValueUniqueIndex.open(getMvStore(), uniqueIndexMap(collection, UNIQUE_INDEX_MAP, name),
                        uniqueIndexMap(collection, LIBRARY_UNIQUE_INDEX_MAP, name), name, keys, sparse);
            }

            @Override
            protected void dropIndex(MongoCollection<Object> collection, String name) {
                super.dropIndex(collection, name);
                getMvStore().removeMap(uniqueIndexMap(collection.getCollectionName(), UNIQUE_INDEX_MAP, name));
            }

            private String uniqueIndexMap(String collection, String infix, String index) {
                return getFullCollectionNamespace(collection) + infix + index;
            }
        }

        private static final class IdLookupCollection extends H2Collection {
            IdLookupCollection(MongoDatabase database, String name, CollectionOptions options,
                    MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors) {
                super(database, name, options, data, meta, cursors);
            }

            @Override
            protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                    Document fields) {
                return query(getIndexes(), query,
                        pinned -> matchDocuments(query, pinned, orderBy, skip, limit, batchSize, fields),
                        () -> super.queryDocuments(query, orderBy, skip, limit, batchSize, fields));
            }

            @Override
            public Stream<Document> queryAllAsStream() {
                return AggregateInput.all(this, super::queryAllAsStream);
            }

            /** Under the collection's lock: a document written while an index fills would be missing from it. */
            @Override
            public synchronized void addIndex(Index<Object> index) {
                super.addIndex(index);
            }

            @Override
            public synchronized void dropIndex(String name) {
                super.dropIndex(name);
            }
        }
    }

    /** In memory (the tests). */
    static final class InMemory extends MemoryBackend {
        @Override
        public MemoryDatabase openOrCreateDatabase(String name) {
            return new Database(name, getCursorRegistry());
        }

        private static final class Database extends MemoryDatabase {
            Database(String name, CursorRegistry cursors) {
                super(name, cursors);
            }

            /** Lets a pipeline that starts with a match read through the indexes ({@link AggregateInput}). */
            @Override
            public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                    Oplog oplog) {
                return AggregateInput.handle(getDatabaseName(), command, query,
                        () -> super.handleCommand(channel, command, query, resolver, oplog));
            }

            @Override
            protected MemoryCollection openOrCreateCollection(String name, CollectionOptions options) {
                return new IdLookupCollection(this, name, options, cursorRegistry);
            }

            @Override
            protected Index<Integer> openOrCreateSecondaryIndex(String collection, String name, List<IndexKey> keys,
                    boolean sparse) {
                return new SecondaryIndex<>(name, keys, sparse);
            }
        }

        private static final class IdLookupCollection extends MemoryCollection {
            IdLookupCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
                super(database, name, options, cursors);
            }

            @Override
            protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                    Document fields) {
                return query(getIndexes(), query,
                        pinned -> matchDocuments(query, pinned, orderBy, skip, limit, batchSize, fields),
                        () -> super.queryDocuments(query, orderBy, skip, limit, batchSize, fields));
            }

            @Override
            public Stream<Document> queryAllAsStream() {
                return AggregateInput.all(this, super::queryAllAsStream);
            }

            /** Under the collection's lock: a document written while an index fills would be missing from it. */
            @Override
            public synchronized void addIndex(Index<Integer> index) {
                super.addIndex(index);
            }

            @Override
            public synchronized void dropIndex(String name) {
                super.dropIndex(name);
            }
        }
    }
}
