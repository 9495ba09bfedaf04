package org.iotplatform.sdk.internal.shadow;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ReportedStateTest {

  private final ReportedState underTest = new ReportedState();

  @Test
  void anOlderReportSentAgainCarriesTheNewerValuesOfItsKeys() {
    ObjectNode older = object("{\"t\":20,\"mode\":\"eco\"}");
    underTest.merge(older);
    underTest.merge(object("{\"t\":21,\"fan\":1}"));

    assertThat(underTest.latest(older).toString()).isEqualTo("{\"t\":21,\"mode\":\"eco\"}");
  }

  @Test
  void keepsADeletionSoTheOlderReportDeletesToo() {
    ObjectNode older = object("{\"t\":20}");
    underTest.merge(older);
    underTest.merge(object("{\"t\":null}"));

    assertThat(underTest.latest(older).toString()).isEqualTo("{\"t\":null}");
  }

  @Test
  void mergesNestedObjectsKeyByKey() {
    ObjectNode older = object("{\"fan\":{\"speed\":2}}");
    underTest.merge(older);
    underTest.merge(object("{\"fan\":{\"speed\":3,\"mode\":\"auto\"}}"));

    assertThat(underTest.latest(older).toString())
        .isEqualTo("{\"fan\":{\"speed\":3,\"mode\":\"auto\"}}");
  }

  @Test
  void aReportNotMergedKeepsItsOwnValues() {
    assertThat(underTest.latest(object("{\"t\":5}")).toString()).isEqualTo("{\"t\":5}");
  }

  private static ObjectNode object(String json) {
    return (ObjectNode) ShadowPayloads.read(json.getBytes(UTF_8));
  }
}
