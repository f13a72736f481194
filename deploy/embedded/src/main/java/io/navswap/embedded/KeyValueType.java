package io.navswap.embedded;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * H2 key type of the on-disk server's unique indexes: the same key equality as H2's default {@link ObjectDataType},
 * at a fraction of its cost; on disk each value of a key is written by {@link BsonValues}.
 *
 * <p>H2 does not know {@link KeyValue}, so the default type compares two keys by Java-serializing both, at every
 * step of every lookup; in the launcher that was 30 % of all it allocated. Here a pair of values of the same
 * class from {@link #NATIVE} is compared by that class's own order; any other pair falls back to the serialized
 * comparison of the two keys. Equal values of those classes serialize to the same bytes, so both types agree on
 * which keys are equal. The result is a total order: after equal leading values, two values of different classes
 * are ordered by their classes alone in the serialized bytes (a class writes the same descriptor or back-reference
 * after the same prefix), so a key whose value falls back lies on the same side of all keys whose values there are
 * of one other class, however those compare among themselves. Any other value, even the same object in both keys,
 * falls back, so that a pair never skips a position that another pair compares serialized. The two types disagree
 * on the order of unequal keys (and write different bytes), so a map written with the default type is rebuilt, never
 * reopened with this one ({@link StoreFormat}).
 */
final class KeyValueType extends BasicDataType<KeyValue> {
    private static final Set<Class<?>> NATIVE = Set.of(String.class, Integer.class, Long.class, Double.class,
            Boolean.class, ObjectId.class, UUID.class, Instant.class);

    private final ObjectDataType serialized = new ObjectDataType();

    @Override
    public int compare(KeyValue a, KeyValue b) {
        if (a == b) {
            return 0;
        }
        if (a.size() != b.size()) {
            return Integer.compare(a.size(), b.size());
        }
        for (int i = 0; i < a.size(); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            if (x == null && y == null) {
                continue;
            }
            if (x == null || y == null || x.getClass() != y.getClass() || !NATIVE.contains(x.getClass())) {
                return serialized.compare(a, b);
            }
            int order = compareSameClass(x, y);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static int compareSameClass(Object x, Object y) {
        return ((Comparable<Object>) x).compareTo(y);
    }

    @Override
    public int getMemory(KeyValue key) {
        // H2 sizes its page cache by this: a rough heap size (the key, and each value boxed or a string).
        int memory = 32;
        for (Object value : key) {
            memory += value instanceof String text ? 48 + text.length() : 32;
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        ByteBuf bytes = Unpooled.buffer(64);
        for (Object value : key) {
            BsonValues.write(bytes, value);
        }
        BsonValues.copyInto(buffer.putVarInt(key.size()), bytes);
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        Object[] values = new Object[DataUtils.readVarInt(buffer)];
        return BsonValues.decode(buffer, bytes -> {
            for (int i = 0; i < values.length; i++) {
                values[i] = BsonValues.read(bytes);
            }
            return new KeyValue(values);
        });
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }
}
