package org.iotplatform.sdk.internal.shadow;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.iotplatform.sdk.shadow.ReportAccepted;
import org.iotplatform.sdk.shadow.ShadowDelta;
import org.iotplatform.sdk.shadow.ShadowDocument;
import org.iotplatform.sdk.shadow.ShadowRejectedException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ShadowPayloadsTest {

  @Test
  void buildsAGetRequestWithItsToken() {
    assertThat(json(ShadowPayloads.getRequest("t-1"))).isEqualTo("{\"clientToken\":\"t-1\"}");
  }

  @Test
  void buildsAReportWithoutAVersion() {
    ObjectNode reported = ShadowPayloads.toObject(Map.of("targetTemperature", 22.5));

    assertThat(json(ShadowPayloads.reportRequest(reported, null, "t-2")))
        .isEqualTo(
            "{\"state\":{\"reported\":{\"targetTemperature\":22.5}},\"clientToken\":\"t-2\"}");
  }

  @Test
  void buildsAReportWithTheExpectedVersion() {
    ObjectNode reported = ShadowPayloads.toObject(Map.of("mode", "eco"));

    assertThat(json(ShadowPayloads.reportRequest(reported, 7L, "t-3")))
        .isEqualTo(
            "{\"state\":{\"reported\":{\"mode\":\"eco\"}},\"version\":7,\"clientToken\":\"t-3\"}");
  }

  @Test
  void readsAWholeDocument() {
    ShadowDocument document =
        ShadowPayloads.document(
            read(
                "{\"state\":{\"desired\":{\"t\":22,\"fan\":{\"speed\":2}},\"reported\":{\"t\":20},"
                    + "\"delta\":{\"t\":22,\"fan\":{\"speed\":2}}},"
                    + "\"metadata\":{},\"version\":9,\"timestamp\":1732280000,"
                    + "\"clientToken\":\"t-4\"}"));

    assertThat(document.desired().toString()).isEqualTo("{\"t\":22,\"fan\":{\"speed\":2}}");
    assertThat(document.reported().toString()).isEqualTo("{\"t\":20}");
    assertThat(document.delta().toString()).isEqualTo("{\"t\":22,\"fan\":{\"speed\":2}}");
    assertThat(document.version()).isEqualTo(9);
    assertThat(document.timestamp()).isEqualTo(Instant.ofEpochSecond(1732280000));
  }

  @Test
  void readsTheEmptyPartsAWholeDocumentLeavesOutAsEmpty() {
    ShadowDocument document =
        ShadowPayloads.document(
            read("{\"state\":{\"reported\":{\"t\":20}},\"version\":3,\"timestamp\":5}"));

    assertThat(document.desired().isEmpty()).isTrue();
    assertThat(document.delta().isEmpty()).isTrue();
    assertThat(document.exists()).isTrue();
  }

  @Test
  void readsADelta() {
    ShadowDelta delta =
        ShadowPayloads.delta(
            read(
                "{\"state\":{\"t\":23},\"metadata\":{\"t\":{\"timestamp\":6}},"
                    + "\"version\":11,\"timestamp\":6}"));

    assertThat(delta.state().toString()).isEqualTo("{\"t\":23}");
    assertThat(delta.version()).isEqualTo(11);
  }

  @Test
  void readsAnAcceptedReport() {
    ReportAccepted accepted =
        ShadowPayloads.reportAccepted(
            read(
                "{\"state\":{\"reported\":{\"t\":23}},\"metadata\":{},\"version\":12,"
                    + "\"timestamp\":7,\"clientToken\":\"t-5\"}"));

    assertThat(accepted.reported().toString()).isEqualTo("{\"t\":23}");
    assertThat(accepted.version()).isEqualTo(12);
    assertThat(accepted.timestamp()).isEqualTo(Instant.ofEpochSecond(7));
  }

  @Test
  void readsARejectionWithItsCodes() {
    ShadowRejectedException rejection =
        ShadowPayloads.rejection(
            read(
                "{\"code\":409,\"errorCode\":\"shadow.version-conflict\","
                    + "\"message\":\"the shadow is at version 8\",\"timestamp\":7,"
                    + "\"clientToken\":\"t-6\"}"));

    assertThat(rejection.code()).isEqualTo(409);
    assertThat(rejection.isVersionConflict()).isTrue();
    assertThat(rejection.errorCode()).isEqualTo("shadow.version-conflict");
    assertThat(rejection.getMessage()).contains("the shadow is at version 8");
  }

  @Test
  void readsTheClientTokenWhenThereIsOne() {
    assertThat(ShadowPayloads.clientToken(read("{\"clientToken\":\"t-7\"}"))).isEqualTo("t-7");
    assertThat(ShadowPayloads.clientToken(read("{\"version\":1}"))).isNull();
  }

  @Test
  void refusesAnAnswerThatIsNoJsonObject() {
    assertThatThrownBy(() -> ShadowPayloads.read("[1]".getBytes(UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShadowPayloads.read("{\"state\":".getBytes(UTF_8)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAnAnswerWithoutAVersion() {
    assertThatThrownBy(() -> ShadowPayloads.delta(read("{\"state\":{\"t\":1}}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("version");
  }

  private static tools.jackson.databind.JsonNode read(String json) {
    return ShadowPayloads.read(json.getBytes(UTF_8));
  }

  private static String json(byte[] payload) {
    return new String(payload, UTF_8);
  }
}
