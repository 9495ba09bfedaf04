package org.iotplatform.alerts.notification;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook call: {@code sha256=} and the lower-case hex HMAC-SHA256, keyed with
 * the channel's secret (its UTF-8 bytes), of {@code <timestamp>.<body>}, where the timestamp is the
 * {@value #TIMESTAMP_HEADER} header (Unix seconds) and the body the exact bytes sent. Signing the
 * timestamp lets receivers refuse replays of old calls.
 */
public final class WebhookSignature {

  /** The header carrying the signature. */
  public static final String SIGNATURE_HEADER = "X-Iot-Signature";

  /** The header carrying the time of signing, Unix seconds. */
  public static final String TIMESTAMP_HEADER = "X-Iot-Timestamp";

  /** The header carrying the delivery's id, the same on every retry: receivers dedupe on it. */
  public static final String DELIVERY_HEADER = "X-Iot-Delivery";

  private static final String ALGORITHM = "HmacSHA256";

  private WebhookSignature() {}

  /** The value of {@value #SIGNATURE_HEADER} for {@code body} sent at {@code epochSeconds}. */
  public static String sign(String secret, long epochSeconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      mac.update((epochSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      // Every Java runtime has HmacSHA256, and it takes keys of any length.
      throw new IllegalStateException(e);
    }
  }
}
