package io.navswap.embedded;

import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;

/** How many bytes an H2 type writes for some values, to compare a type's encoding with H2's default one. */
final class WrittenBytes {
    private WrittenBytes() {
    }

    static <T> int of(DataType<? super T> type, List<T> values) {
        WriteBuffer buffer = new WriteBuffer();
        values.forEach(value -> type.write(buffer, value));
        return buffer.getBuffer().position();
    }
}
