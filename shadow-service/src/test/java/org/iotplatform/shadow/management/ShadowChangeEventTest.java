package org.iotplatform.shadow.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.iotplatform.shadow.document.ShadowDocument;
import org.iotplatform.shadow.document.ShadowUpdate;
import org.iotplatform.shadow.store.ShadowKey;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ShadowChangeEventTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void describesAFirstUpdateWithoutPreviousDocument() {
    ShadowDocument current =
        ShadowDocument.empty()
            .apply(ShadowUpdate.parse("{\"state\":{\"desired\":{\"mode\":\"eco\"}}}"), T0);

    JsonNode event =
        JSON.readTree(
            ShadowChangeEvent.entry(
                    new ShadowKey("d1", "cfg"),
                    "acme",
                    "update",
                    Actor.operator("alice"),
                    1,
                    null,
                    current,
                    T0)
                .value());

    assertThat(event.path("deviceId").stringValue()).isEqualTo("d1");
    assertThat(event.path("shadowName").stringValue()).isEqualTo("cfg");
    assertThat(event.path("tenantId").stringValue()).isEqualTo("acme");
    assertThat(event.path("actor").path("id").stringValue()).isEqualTo("alice");
    assertThat(event.path("previous").isNull()).isTrue();
    assertThat(event.path("current").path("state").path("desired").path("mode").stringValue())
        .isEqualTo("eco");
    assertThat(event.path("changedAt").stringValue()).isEqualTo("2026-11-23T10:00:00Z");
  }

  @Test
  void writesDownlinkMessagesAsTheContractSays() {
    JsonNode message = JSON.readTree(DownlinkJson.qos1("devices/d1/shadow/update/delta", "{}"));

    assertThat(message.path("topic").stringValue()).isEqualTo("devices/d1/shadow/update/delta");
    assertThat(message.path("payload").stringValue()).isEqualTo("{}");
    assertThat(message.path("qos").intValue()).isEqualTo(1);
    assertThat(message.path("retain").booleanValue()).isFalse();
    assertThat(message.has("expiresAt")).isFalse();
  }
}
