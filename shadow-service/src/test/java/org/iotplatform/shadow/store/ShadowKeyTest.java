package org.iotplatform.shadow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.iotplatform.contracts.ShadowTopic;
import org.junit.jupiter.api.Test;

class ShadowKeyTest {

  @Test
  void aMemberReadsBackAsItsKey() {
    ShadowKey classic = ShadowKey.classic("meter-1");
    ShadowKey named = new ShadowKey("meter-1", "config:v2");

    assertThat(classic.member()).isEqualTo("meter-1");
    assertThat(named.member()).isEqualTo("meter-1/config:v2");
    assertThat(ShadowKey.fromMember(classic.member())).isEqualTo(classic);
    assertThat(ShadowKey.fromMember(named.member())).isEqualTo(named);
  }

  @Test
  void theKeyOfARequestTopicAnswersOnThatShadowsTopics() {
    ShadowKey underTest =
        ShadowKey.of(ShadowTopic.parse("devices/d1/shadow/name/cfg/get").orElseThrow());

    assertThat(underTest).isEqualTo(new ShadowKey("d1", "cfg"));
    assertThat(underTest.topic(ShadowTopic.Operation.UPDATE).topic())
        .isEqualTo("devices/d1/shadow/name/cfg/update");
  }

  @Test
  void refusesInvalidIdsAndNames() {
    assertThatThrownBy(() -> new ShadowKey("a/b", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ShadowKey("d1", "a/b"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
