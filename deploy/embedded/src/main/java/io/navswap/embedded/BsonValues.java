package io.navswap.embedded;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.function.Function;
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
 *
 * <p>Encoding goes through a netty buffer, as on the wire; {@link #copyInto} and {@link #decode} pass the bytes to
 * and from H2's page buffers.
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

    /** Appends the bytes {@code bytes} holds to H2's page buffer. */
    static void copyInto(WriteBuffer buffer, ByteBuf bytes) {
        buffer.put(bytes.array(), bytes.arrayOffset() + bytes.readerIndex(), bytes.readableBytes());
    }

    /** Reads from H2's page buffer with {@code reader}, and moves the page buffer past what it read. */
    static <T> T decode(ByteBuffer buffer, Function<ByteBuf, T> reader) {
        ByteBuf bytes = Unpooled.wrappedBuffer(buffer);
        T read = reader.apply(bytes);
        buffer.position(buffer.position() + bytes.readerIndex());
        return read;
    }
}
