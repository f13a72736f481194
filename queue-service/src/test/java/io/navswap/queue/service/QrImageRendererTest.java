package io.navswap.queue.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrImageRendererTest {

    @Test
    void pngDecodesBackToTheToken() throws Exception {
        String token = "eyJ2IjoxLCJraWQiOiJrMiIsInJpZCI6InJzdi02NzQ1In0.q2Vx8lD0mYk3cO2m7y0xv1y0mQ3W1p8Zr9bL4tQfR7s";
        byte[] png = new QrImageRenderer().png(token);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth(), greaterThanOrEqualTo(300));
        assertThat(decode(image), equalTo(token));
    }

    @Test
    void everyTokenReadsBackAlsoThoseWhoseFirstMaskTheReaderCannotFind() throws Exception {
        // Token-shaped contents (base64url, one dot); with this seed, 6 of them defeat zxing's reader when drawn with
        // the mask zxing picks first.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        Random random = new Random(1);
        QrImageRenderer renderer = new QrImageRenderer();
        List<String> unreadable = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            int length = 150 + random.nextInt(200);
            StringBuilder token = new StringBuilder();
            for (int k = 0; k < length; k++) {
                token.append(k == length - 44 ? '.' : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(renderer.png(token.toString())));
            try {
                if (!decode(image).equals(token.toString())) {
                    unreadable.add(token.toString());
                }
            } catch (ReaderException e) {
                unreadable.add(token.toString());
            }
        }
        assertThat(unreadable, empty());
    }

    /** What a phone's scanner would read: zxing's reader over the decoded image. */
    private static String decode(BufferedImage image) throws ReaderException {
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                .getText();
    }
}
