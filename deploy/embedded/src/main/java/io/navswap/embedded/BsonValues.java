package io.navswap.embedded;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * Single values as the on-disk server stores them: a BSON type byte and the value as BSON encodes it, as on the
 * wire. H2's default type Java-serializes whatever it does not know (a fresh object stream, class descriptors and
 * reflection for every value), which made the MVStore's page writes the launcher's largest source of garbage.
 *
 * <p>Two values are not BSON: the server's {@link Missing} (a field a document lacks, in index keys) has its own
 * tag, and anything else BSON cannot encode keeps H2's default encoding behind another tag, so nothing the
 * server holds is refused.
 */
final class BsonValues {
    /** Neither is a BSON type byte: those are 0x01-0x13, 0x7F and 0xFF, and 0x00 ends a document. */
    private static final byte MISSING = 0x00;
    private static final byte SERIALIZED = 0x7E;

    private static final ObjectDataType BY_DEFAULT = new ObjectDataType();

    private BsonValues() {
    }

    static void write(ByteBuf out, Object value) {
        if (value instanceof Missing) {
            out.writeByte(MISSING);
            return;
        }
        byte type;
        try {
            type = BsonEncoder.determineType(value);
        } catch (IllegalArgumentException notBson) {
            WriteBuffer serialized = new WriteBuffer();
            BY_DEFAULT.write(serialized, value);
            ByteBuffer bytes = serialized.getBuffer().flip();
            out.writeByte(SERIALIZED).writeIntLE(bytes.remaining()).writeBytes(bytes);
            return;
        }
        out.writeByte(type);
        BsonEncoder.encodeValue(type, value, out);
    }

    static Object read(ByteBuf in) {
        byte type = in.readByte();
        if (type == MISSING) {
            return Missing.getInstance();
        }
        if (type == SERIALIZED) {
            byte[] bytes = new byte[in.readIntLE()];
            in.readBytes(bytes);
            return BY_DEFAULT.read(ByteBuffer.wrap(bytes));
        }
        return BsonDecoder.decodeValue(type, in);
    }
}
