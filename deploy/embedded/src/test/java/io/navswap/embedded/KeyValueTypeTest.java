package io.navswap.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** {@link KeyValueType} against H2's default type, over keys of the kinds the services' unique indexes hold. */
class KeyValueTypeTest {
    private final KeyValueType type = new KeyValueType();
    private final ObjectDataType byDefault = new ObjectDataType();

    /** Fresh objects each call, so that equal keys are never the same objects. */
    private static List<KeyValue> keys() {
        ObjectId objectId = new ObjectId("5f1e9a0c2b3d4e5f6a7b8c9d");
        // One object in two keys: a comparison must not skip it where another compares its equal serialized.
        Document shared = new Document("k", 1);
        UUID uuid = UUID.fromString("0f4c2a57-1b2e-4f0e-9a55-6f1b7c3e2d10");
        List<KeyValue> keys = new ArrayList<>(List.of(
                new KeyValue("rsv-1"), new KeyValue("rsv-2"), new KeyValue("rsv-10"), new KeyValue("b"),
                new KeyValue("aa"), new KeyValue(""), new KeyValue(1), new KeyValue(2), new KeyValue(-7),
                new KeyValue(1L), new KeyValue(3L), new KeyValue(1.0), new KeyValue(-0.0), new KeyValue(0.0),
                new KeyValue(Double.NaN), new KeyValue(true), new KeyValue(false),
                new KeyValue(new ObjectId(objectId.toByteArray())),
                new KeyValue(new ObjectId("0a1e9a0c2b3d4e5f6a7b8c9d")),
                new KeyValue(new UUID(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits())),
                new KeyValue(Instant.ofEpochSecond(1_800_000_000L)), new KeyValue(Instant.ofEpochSecond(5)),
                new KeyValue((Object) null), new KeyValue(Missing.getInstance()),
                new KeyValue(new Document("city", "Pune")), new KeyValue(new Document("city", "Delhi")),
                new KeyValue((Object) new ArrayList<>(List.of("a", "b"))),
                new KeyValue("usr-1", "ST-1"), new KeyValue("usr-1", "ST-2"), new KeyValue("usr-2", "ST-1"),
                new KeyValue("usr-1", 5), new KeyValue("usr-1", (Object) null), new KeyValue(null, "ST-1"),
                new KeyValue(shared, "b"), new KeyValue(new Document("k", 1), "c"), new KeyValue(shared, "aa"),
                new KeyValue(Missing.getInstance(), "aa")));
        return keys;
    }

    @Test
    void equalKeysAreEqualExactlyWhenTheDefaultTypeSaysSo() {
        List<KeyValue> left = keys();
        List<KeyValue> right = keys();
        for (KeyValue a : left) {
            for (KeyValue b : right) {
                assertEquals(byDefault.compare(a, b) == 0, type.compare(a, b) == 0, a + " vs " + b);
            }
        }
        for (int i = 0; i < left.size(); i++) {
            assertEquals(0, type.compare(left.get(i), right.get(i)), "fresh copies of " + left.get(i));
        }
    }

    @Test
    void ordersAllKeysTotally() {
        List<KeyValue> keys = keys();
        keys.addAll(keys());
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                int ab = Integer.signum(type.compare(a, b));
                assertEquals(-ab, Integer.signum(type.compare(b, a)), a + " vs " + b);
                for (KeyValue c : keys) {
                    if (ab <= 0 && type.compare(b, c) <= 0) {
                        assertTrue(type.compare(a, c) <= 0, a + " <= " + b + " <= " + c);
                    }
                }
            }
        }
    }

    @Test
    void comparesValuesOfOneKnownClassByTheirOwnOrder() {
        assertTrue(type.compare(new KeyValue("b"), new KeyValue("aa")) > 0, "String's order, not the shorter first");
        assertTrue(type.compare(new KeyValue(-7), new KeyValue(2)) < 0);
        assertTrue(type.compare(new KeyValue("usr-1", "ST-2"), new KeyValue("usr-1", "ST-10")) > 0);
    }

    @Test
    void readsBackEveryKeyItWroteOneAfterAnother() {
        List<KeyValue> keys = keys();
        List<KeyValue> read = DataTypeBytes.readBack(type, keys);
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(0, byDefault.compare(keys.get(i), read.get(i)),
                    "read back " + keys.get(i) + " as " + read.get(i));
        }
    }

    @Test
    void writesFewerBytesThanTheDefaultType() {
        int bson = DataTypeBytes.written(type, keys());
        int serialized = DataTypeBytes.written(byDefault, keys());
        assertTrue(bson * 3 < serialized, bson + " bytes against the default type's " + serialized);
    }
}
