package io.navswap.queue.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.navswap.queue.domain.QrClaims;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.ConfigProvider;

/** Signs like the production format with the public development key, as an attacker could. */
final class QrTokenTestKeys {
    private QrTokenTestKeys() {
    }

    static String signWithDevKey(QrClaims claims) {
        try {
            byte[] key = Base64.getDecoder().decode(
                    ConfigProvider.getConfig().getValue("navswap.queue.qr.keys.dev", String.class));
            byte[] payload = new ObjectMapper().writeValueAsBytes(claims);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return b64.encodeToString(payload) + "." + b64.encodeToString(mac.doFinal(payload));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
