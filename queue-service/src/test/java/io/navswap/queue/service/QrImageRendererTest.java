package io.navswap.queue.service;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrImageRendererTest {

    @Test
    void pngDecodesBackToTheToken() throws Exception {
        String token = "eyJ2IjoxLCJraWQiOiJrMiIsInJpZCI6InJzdi02NzQ1In0.q2Vx8lD0mYk3cO2m7y0xv1y0mQ3W1p8Zr9bL4tQfR7s";
        byte[] png = new QrImageRenderer().png(token);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth(), greaterThanOrEqualTo(300));
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new BufferedImageLuminanceSource(image)))).getText();
        assertThat(decoded, equalTo(token));
    }
}
