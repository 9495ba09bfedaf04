package org.iotplatform.alerts.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  private static final byte[] BODY = "{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void signsTheTimestampAndTheBodyWithHmacSha256() {
    // Computed independently: printf '1732280000.{"text":"hi"}' | openssl dgst -sha256 -hmac s3cret
    assertThat(WebhookSignature.sign("s3cret", 1732280000L, BODY))
        .isEqualTo("sha256=4848174df8a75fc6416d354c19db8fc13f6c95b5939464a683f2f900b9180f12");
  }

  @Test
  void changesWithTheTimestamp() {
    assertThat(WebhookSignature.sign("s3cret", 1732280001L, BODY))
        .isNotEqualTo(WebhookSignature.sign("s3cret", 1732280000L, BODY));
  }

  @Test
  void changesWithTheSecret() {
    assertThat(WebhookSignature.sign("other", 1732280000L, BODY))
        .isNotEqualTo(WebhookSignature.sign("s3cret", 1732280000L, BODY));
  }
}
