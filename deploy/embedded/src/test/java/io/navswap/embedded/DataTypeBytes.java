package io.navswap.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;

/** What an H2 type writes for some values: how many bytes, and what it reads back from them. */
final class DataTypeBytes {
    private DataTypeBytes() {
    }

    static <T> int written(DataType<? super T> type, List<T> values) {
        return write(type, values).position();
    }

    /** The values read back from their bytes written one after another; every byte must be read. */
    static <T> List<T> readBack(DataType<T> type, List<T> values) {
        ByteBuffer written = write(type, values).flip();
        List<T> read = new ArrayList<>();
        values.forEach(value -> read.add(type.read(written)));
        assertEquals(0, written.remaining(), "every byte read");
        return read;
    }

    private static <T> ByteBuffer write(DataType<? super T> type, List<T> values) {
        WriteBuffer buffer = new WriteBuffer();
        values.forEach(value -> type.write(buffer, value));
        return buffer.getBuffer();
    }
}
