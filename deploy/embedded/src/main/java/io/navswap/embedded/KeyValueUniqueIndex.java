package io.navswap.embedded;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * A unique index of the on-disk server kept in an H2 map keyed by {@link KeyValueType}; the library's own
 * (H2UniqueIndex, whose constructor is not public) keeps the same entries under H2's default key type.
 */
final class KeyValueUniqueIndex extends AbstractUniqueIndex<Object> {
    private final MVMap<KeyValue, Object> map;

    private KeyValueUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    /**
     * Opens the index kept in {@code mapName}. A map the library wrote under {@code libraryMapName} is ordered by
     * the default key type, so it is removed: the server refills an empty index from the collection's documents.
     */
    static KeyValueUniqueIndex open(MVStore store, String mapName, String libraryMapName, String name,
            List<IndexKey> keys, boolean sparse) {
        store.removeMap(libraryMapName);
        MVMap<KeyValue, Object> map = store.openMap(mapName,
                new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
        return new KeyValueUniqueIndex(map, name, keys, sparse);
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return map.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return map.get(key);
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
