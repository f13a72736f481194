package io.navswap.queue.service;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.EncodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.jboss.logging.Logger;

/**
 * Renders a QR code as a PNG. zxing computes the module matrix; the PNG (1-bit grayscale) is written here
 * with the JDK's Deflater and CRC32, so no AWT/ImageIO is involved and the code stays native-friendly.
 */
@ApplicationScoped
public class QrImageRenderer {
    private static final Logger LOG = Logger.getLogger(QrImageRenderer.class);
    public static final String CONTENT_TYPE = "image/png";
    private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
    private static final int SIZE = 320;
    /** QR codes define eight mask patterns (ISO/IEC 18004). */
    private static final int MASKS = 8;

    public byte[] png(String contents) {
        BitMatrix matrix = encode(contents, null);
        // zxing draws the code with the mask of lowest penalty, and for about one content in a hundred its own reader
        // then cannot find the code, at any size (6 of 600 random tokens): such a code is drawn again with the first
        // mask that reads back.
        for (int mask = 0; !readsBack(matrix, contents); mask++) {
            if (mask == MASKS) {
                LOG.warnf("No QR mask reads back for a %d-character token; sending the last drawing", contents.length());
                break;
            }
            matrix = encode(contents, mask);
        }
        return encodePng(matrix);
    }

    private static BitMatrix encode(String contents, Integer mask) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, 4);
        hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        if (mask != null) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
        }
        try {
            return new QRCodeWriter().encode(contents, BarcodeFormat.QR_CODE, SIZE, SIZE, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Content does not fit in a QR code", e);
        }
    }

    private static boolean readsBack(BitMatrix matrix, String contents) {
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
        try {
            return contents.equals(new QRCodeReader().decode(bitmap).getText());
        } catch (ReaderException unreadable) {
            return false;
        }
    }

    static byte[] encodePng(BitMatrix matrix) {
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        int rowBytes = (width + 7) / 8;
        byte[] raw = new byte[height * (rowBytes + 1)];
        for (int y = 0; y < height; y++) {
            int offset = y * (rowBytes + 1);
            raw[offset] = 0; // filter type: none
            for (int x = 0; x < width; x++) {
                if (!matrix.get(x, y)) { // a set module is dark; in 1-bit grayscale 1 is white
                    raw[offset + 1 + x / 8] |= (byte) (0x80 >>> (x % 8));
                }
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        out.writeBytes(SIGNATURE);
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 1)   // bit depth
                .put((byte) 0)   // colour type: grayscale
                .put((byte) 0)   // compression: deflate
                .put((byte) 0)   // filter method
                .put((byte) 0);  // no interlace
        chunk(out, "IHDR", header.array());
        chunk(out, "IDAT", deflate(raw));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
