package io.navswap.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A non-unique index for mongo-java-server, which by itself ignores every index that is not unique (every
 * history-by-user or batteries-at-a-station query then reads the whole collection, which grows with use).
 *
 * <p>It answers a query that pins the index's leading fields to plain values ({@code {userId: "u"}}, or the
 * same inside a top-level {@code $and}) with the positions of the documents holding those values, for the
 * longest pinned prefix of its fields; the server's matcher then applies the whole query to those documents, so
 * this only has to never leave out a document that could match. Hence the cautious edges: only plain values
 * (no operators, arrays, patterns or null) are looked up, numbers are compared as doubles as the server does
 * (-0 equal to 0), an array field files its document under each of its elements, and a dotted leading field is
 * not looked up (the matcher also searches arrays nested in arrays, which the index does not file). Candidates
 * come back in the server's scan order, so an unsorted {@code limit} picks what a scan would. Range and sort are
 * left to the server. It lives in memory and is rebuilt from the documents when the store is opened.
 *
 * <p>A sparse index of one field also answers {@code {field: {$exists: true}}} (alone, or in a top-level
 * {@code $and}) with the documents that have the field, as a real MongoDB uses such an index: the services' "what is
 * still pending" probes (outbox events, inventory markers) then read the few documents concerned instead of the
 * whole collection every pass. Whether a document has the field is asked of the server's own matcher, so nested
 * arrays, positional paths and null values count exactly as the query counts them.
 */
final class SecondaryIndex<P> extends Index<P> {
    private static final String AND = "$and";
    /** The key of a field a document lacks; no lookup asks for it (null is never looked up). */
    private static final Object MISSING = new Object();

    private final List<String> fields;
    /** Per prefix length (index 0: the first field alone): the values of those fields -> documents. */
    private final List<Map<List<Object>, Set<P>>> byPrefix = new ArrayList<>();
    /**
     * Where each indexed document is, by its stored {@code _id} value: removal and updates hand over the stored
     * document, so its own {@code _id} finds it (no normalising, which could merge two large Long ids).
     */
    private final Map<Object, P> positions = new HashMap<>();
    /** The documents that have the field, when this is a sparse index of one field ({@code null} otherwise). */
    private final Set<P> present;

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.fields = keys.stream().map(IndexKey::getKey).toList();
        for (int i = 0; i < fields.size(); i++) {
            byPrefix.add(new HashMap<>());
        }
        this.present = sparse && fields.size() == 1 ? new HashSet<>() : null;
    }

    @Override
    public synchronized P getPosition(Document document) {
        return positions.get(idOf(document));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // Not unique: nothing to refuse.
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        positions.put(idOf(document), position);
        List<List<List<Object>>> keys = keysByPrefix(document);
        for (int i = 0; i < fields.size(); i++) {
            Map<List<Object>, Set<P>> map = byPrefix.get(i);
            for (List<Object> key : keys.get(i)) {
                map.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(position);
            }
        }
        if (present != null && hasField(document)) {
            present.add(position);
        }
    }

    @Override
    public synchronized P remove(Document document) {
        P position = positions.remove(idOf(document));
        if (position != null) {
            unfile(document, position);
        }
        return position;
    }

    @Override
    public boolean canHandle(Document query) {
        return !lookedUp(query).isEmpty() || asksPresence(query);
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        List<Object> values = lookedUp(query);
        Set<P> found = values.isEmpty() ? present : byPrefix.get(values.size() - 1).get(values);
        if (found == null) {
            return List.of();
        }
        // A copy (the caller may update or delete the documents while it walks them), in position order: the
        // order of a scan (memory slots; the H2 map's keys).
        List<P> ordered = new ArrayList<>(found);
        ordered.sort(ValueComparator.asc());
        return ordered;
    }

    @Override
    public synchronized long getCount() {
        return positions.size();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // Not unique: nothing to refuse.
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
            MongoCollection<P> collection) {
        unfile(oldDocument, position);
        positions.remove(idOf(oldDocument));
        add(newDocument, position, collection);
    }

    @Override
    public void drop() {
        // Nothing to release: the collection forgets this index. Not cleared, so a query that chose this index
        // just before the drop still gets a whole answer.
    }

    /** The values to look up: the pinned prefix, none when the leading field is dotted (see the class comment). */
    private List<Object> lookedUp(Document query) {
        return fields.get(0).contains(".") ? List.of() : pinned(query);
    }

    /** Whether {@code query} requires this sparse index's field to exist, at its top level or in a top-level $and. */
    private boolean asksPresence(Document query) {
        if (present == null) {
            return false;
        }
        String field = fields.get(0);
        if (isExistsTrue(query.get(field))) {
            return true;
        }
        if (query.get(AND) instanceof List<?> parts) {
            for (Object part : parts) {
                if (part instanceof Document condition && isExistsTrue(condition.get(field))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isExistsTrue(Object condition) {
        if (!(condition instanceof Document operator) || operator.size() != 1) {
            return false;
        }
        Object exists = operator.get("$exists");
        return Boolean.TRUE.equals(exists) || exists instanceof Number number && number.doubleValue() != 0;
    }

    private boolean hasField(Document document) {
        return new DefaultQueryMatcher().matches(document,
                new Document(fields.get(0), new Document("$exists", true)));
    }

    private void unfile(Document document, P position) {
        if (present != null) {
            present.remove(position);
        }
        List<List<List<Object>>> keys = keysByPrefix(document);
        for (int i = 0; i < fields.size(); i++) {
            Map<List<Object>, Set<P>> map = byPrefix.get(i);
            for (List<Object> key : keys.get(i)) {
                Set<P> filed = map.get(key);
                if (filed != null && filed.remove(position) && filed.isEmpty()) {
                    map.remove(key);
                }
            }
        }
    }

    /** The plain values {@code query} requires of the leading fields, as long as it pins them one after another. */
    private List<Object> pinned(Document query) {
        List<Object> values = new ArrayList<>();
        for (String field : fields) {
            Object value = plainValue(query, field);
            if (value == null) {
                break;
            }
            values.add(value);
        }
        return values;
    }

    private static Object plainValue(Document query, String field) {
        Object value = normalized(query.get(field));
        if (value != null) {
            return value;
        }
        if (query.get(AND) instanceof List<?> parts) {
            for (Object part : parts) {
                Object found = part instanceof Document condition ? normalized(condition.get(field)) : null;
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** A value compared by equality, as the index files it; null for operators, arrays, patterns and null. */
    private static Object normalized(Object value) {
        if (value == null || value instanceof Document || value instanceof Collection<?>
                || value instanceof BsonRegularExpression || value instanceof Missing) {
            return null;
        }
        if (value instanceof Number number) {
            double plain = number.doubleValue();
            return plain == 0.0 ? Double.valueOf(0.0) : Double.valueOf(plain);
        }
        return value;
    }

    /**
     * Per prefix length (index 0: the first field alone), every key the document is filed under (one per array
     * element); each prefix's keys extend the shorter prefix's, so every field is read once.
     */
    private List<List<List<Object>>> keysByPrefix(Document document) {
        List<List<List<Object>>> byLength = new ArrayList<>();
        List<List<Object>> keys = List.of(List.of());
        for (String field : fields) {
            List<List<Object>> longer = new ArrayList<>();
            Collection<Object> values = valuesOf(document, field);
            for (List<Object> key : keys) {
                for (Object value : values) {
                    List<Object> next = new ArrayList<>(key);
                    next.add(value);
                    longer.add(next);
                }
            }
            keys = longer;
            byLength.add(keys);
        }
        return byLength;
    }

    private static Collection<Object> valuesOf(Document document, String field) {
        Object value = Utils.getSubdocumentValueCollectionAware(document, field);
        Set<Object> values = new LinkedHashSet<>();
        if (value instanceof Collection<?> elements) {
            elements.forEach(element -> values.add(keyOf(element)));
        } else {
            values.add(keyOf(value));
        }
        if (values.isEmpty()) {
            values.add(MISSING);
        }
        return values;
    }

    private static Object keyOf(Object value) {
        Object key = normalized(value);
        if (key != null) {
            return key;
        }
        // Sub-documents and nested arrays are filed as they are: no lookup asks for them, they only need a place.
        return value == null || value instanceof Missing ? MISSING : value;
    }

    private static Object idOf(Document document) {
        Object id = document.get("_id");
        return id == null || id instanceof Missing ? MISSING : id;
    }
}
