package io.navswap.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.function.Predicate;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk server's store format: documents written by {@link DocumentType} and unique-index keys by
 * {@link KeyValueType}, both as BSON. A store without this format's mark was written with H2's default
 * (Java-serialized) types, by the library's own backend or by this one before; it is converted once, when opened:
 * every collection's documents are copied into a map of the new type, and the unique indexes are dropped for the
 * server to refill from the documents.
 *
 * <p>The conversion is one MVStore commit (automatic commits are paused while it runs): a crash leaves the store
 * as it was, to be converted on the next start, never half converted.
 */
final class StoreFormat {
    private static final Logger LOG = LoggerFactory.getLogger(StoreFormat.class);
    /** H2Database's names of the collections' document maps: this prefix and the collection's namespace. */
    static final String DOCUMENT_MAP_PREFIX = "databases.";
    private static final String MARK_MAP = "navswap.store";
    private static final String MARK_KEY = "format";
    private static final String BSON = "bson-1";
    private static final String CONVERTING = ".converting";

    private StoreFormat() {
    }

    /** The document map of a collection, in this format. */
    static MVMap<Object, Document> documents(MVStore store, String namespace) {
        return store.openMap(DOCUMENT_MAP_PREFIX + namespace,
                new MVMap.Builder<Object, Document>().valueType(new DocumentType()));
    }

    /** Converts {@code store} unless it has this format's mark; {@code uniqueIndexes} names their maps. */
    static void convert(MVStore store, Predicate<String> uniqueIndexes) {
        MVMap<String, String> mark = store.openMap(MARK_MAP);
        if (BSON.equals(mark.get(MARK_KEY))) {
            return;
        }
        int autoCommitDelay = store.getAutoCommitDelay();
        store.setAutoCommitDelay(0);
        try {
            int collections = 0;
            long documents = 0;
            for (String name : List.copyOf(store.getMapNames())) {
                if (uniqueIndexes.test(name)) {
                    store.removeMap(name);
                } else if (name.startsWith(DOCUMENT_MAP_PREFIX)) {
                    documents += convertDocuments(store, name);
                    collections++;
                }
            }
            mark.put(MARK_KEY, BSON);
            store.commit();
            if (collections > 0) {
                LOG.info("Converted {} documents of {} collections to BSON storage", documents, collections);
            }
        } finally {
            store.setAutoCommitDelay(autoCommitDelay);
        }
    }

    private static long convertDocuments(MVStore store, String name) {
        MVMap<Object, Object> serialized = store.openMap(name);
        MVMap<Object, Document> bson = documents(store, name.substring(DOCUMENT_MAP_PREFIX.length()) + CONVERTING);
        bson.clear();
        serialized.forEach((id, document) -> bson.put(id, (Document) document));
        long count = bson.sizeAsLong();
        store.removeMap(serialized);
        store.renameMap(bson, name);
        return count;
    }
}
