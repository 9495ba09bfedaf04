package org.iotplatform.alerts.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.iotplatform.web.ApiException;
import org.junit.jupiter.api.Test;

class ChannelValidationTest {

  @Test
  void acceptsAWebhookWithAnHttpsUrl() {
    ChannelValidation.Valid underTest =
        ChannelValidation.validate(
            new ChannelRequest(" ops ", "webhook", "https://hooks.example.org/a", null));

    assertThat(underTest)
        .isEqualTo(
            new ChannelValidation.Valid(
                "ops", ChannelKind.WEBHOOK, URI.create("https://hooks.example.org/a"), List.of()));
  }

  @Test
  void refusesAUrlThatIsNotHttp() {
    assertRefused(new ChannelRequest("ops", "SLACK", "ftp://example.org/x", null), "url:");
    assertRefused(new ChannelRequest("ops", "WEBHOOK", "file:///etc/passwd", null), "url:");
  }

  @Test
  void refusesAnEmailChannelWithoutRecipients() {
    assertRefused(new ChannelRequest("ops", "EMAIL", null, List.of()), "recipients:");
  }

  @Test
  void refusesSomethingThatIsNoAddress() {
    assertRefused(new ChannelRequest("ops", "EMAIL", null, List.of("nobody")), "recipients:");
  }

  @Test
  void refusesAnUnknownKind() {
    assertRefused(new ChannelRequest("ops", "PIGEON", null, null), "kind:");
  }

  private static void assertRefused(ChannelRequest request, String field) {
    assertThatThrownBy(() -> ChannelValidation.validate(request))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.error()).isEqualTo(ChannelError.CHANNEL_INVALID);
              assertThat(e.getBody().getDetail()).startsWith(field);
            });
  }
}
