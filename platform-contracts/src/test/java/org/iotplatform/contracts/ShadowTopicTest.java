package org.iotplatform.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.iotplatform.contracts.ShadowTopic.Operation;
import org.iotplatform.contracts.ShadowTopic.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShadowTopicTest {

  @Test
  void parsesTheClassicShadowsRequests() {
    assertThat(ShadowTopic.parse("devices/d1/shadow/update"))
        .contains(ShadowTopic.classic("d1", Operation.UPDATE));
    assertThat(ShadowTopic.parse("devices/d1/shadow/get"))
        .contains(ShadowTopic.classic("d1", Operation.GET));
    assertThat(ShadowTopic.parse("devices/d1/shadow/delete"))
        .contains(ShadowTopic.classic("d1", Operation.DELETE));
  }

  @Test
  void parsesANamedShadowsRequests() {
    assertThat(ShadowTopic.parse("devices/d1/shadow/name/firmware:v2/update"))
        .contains(ShadowTopic.named("d1", "firmware:v2", Operation.UPDATE));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "devices/d1/shadow",
        "devices/d1/shadow/",
        "devices/d1/shadow/patch",
        "devices/d1/shadow/update/accepted",
        "devices/d1/shadow/update/delta",
        "devices/d1/shadow/name/update",
        "devices/d1/shadow/name//update",
        "devices/d1/shadow/name/a.b/update",
        "devices/d1/shadow/name/x/update/accepted",
        "devices/d1/telemetry",
        "devices/+/shadow/update"
      })
  void refusesAnythingButARequestTopic(String topic) {
    assertThat(ShadowTopic.parse(topic)).isEmpty();
  }

  @Test
  void buildsRequestAndResponseTopicsThatParseBack() {
    ShadowTopic named = ShadowTopic.named("d1", "config", Operation.UPDATE);

    assertThat(named.topic()).isEqualTo("devices/d1/shadow/name/config/update");
    assertThat(ShadowTopic.parse(named.topic())).contains(named);
    assertThat(named.responseTopic(Response.DELTA))
        .isEqualTo("devices/d1/shadow/name/config/update/delta");
    assertThat(ShadowTopic.classic("d1", Operation.GET).responseTopic(Response.ACCEPTED))
        .isEqualTo("devices/d1/shadow/get/accepted");
  }

  @Test
  void onlyUpdatesHaveDeltaAndDocumentsAnswers() {
    ShadowTopic get = ShadowTopic.classic("d1", Operation.GET);

    assertThatThrownBy(() -> get.responseTopic(Response.DELTA))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(get.withOperation(Operation.UPDATE).responseTopic(Response.DOCUMENTS))
        .isEqualTo("devices/d1/shadow/update/documents");
  }

  @Test
  void refusesAShadowNameLongerThan64Characters() {
    assertThatThrownBy(() -> ShadowTopic.named("d1", "n".repeat(65), Operation.GET))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ShadowTopic.isShadowSubtopic("shadow/get")).isTrue();
    assertThat(ShadowTopic.isShadowSubtopic("shadowy")).isFalse();
  }
}
