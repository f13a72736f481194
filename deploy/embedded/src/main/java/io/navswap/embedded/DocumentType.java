package io.navswap.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * H2 value type of the on-disk server's documents: each stored as its BSON bytes, as on the wire, where H2's
 * default type Java-serialized it. A store written with the default type is converted when opened
 * ({@link StoreFormat}).
 */
final class DocumentType extends BasicDataType<Document> {
    /**
     * H2 sizes its page cache by these estimates. A decoded document takes several times its BSON bytes on the
     * heap (a map entry, a key string and a boxed value per field), so the estimate is that multiple of the
     * average size written so far, keeping the cache's byte budget near the heap its pages take.
     */
    private static final int HEAP_PER_BSON_BYTE = 4;

    private volatile int averageSize = 512;

    @Override
    public int getMemory(Document document) {
        return HEAP_PER_BSON_BYTE * averageSize;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bytes = Unpooled.buffer(averageSize + averageSize / 2);
        BsonEncoder.encodeDocument(document, bytes);
        averageSize = (bytes.readableBytes() + 15 * averageSize) / 16;
        BsonValues.copyInto(buffer, bytes);
    }

    @Override
    public Document read(ByteBuffer buffer) {
        return BsonValues.decode(buffer, BsonDecoder::decodeBson);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
