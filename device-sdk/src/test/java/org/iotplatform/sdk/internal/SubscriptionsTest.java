package org.iotplatform.sdk.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionsTest {

  private final List<String> received = new ArrayList<>();
  private final Subscriptions underTest = new Subscriptions("d-1");

  @Test
  void aCallerSubscribingToAFeaturesFilterLeavesTheFeaturesHandlerInPlace() {
    underTest.addFeatureHandler("shadow/update/delta", (topic, p) -> received.add("shadow"));
    underTest.put("shadow/update/delta", (topic, p) -> received.add("caller"));
    underTest.put("shadow/update/delta", (topic, p) -> received.add("caller again"));

    underTest.dispatch(publish("devices/d-1/shadow/update/delta"));

    assertThat(received).containsExactlyInAnyOrder("caller again", "shadow");
    assertThat(underTest.filters()).containsExactly("shadow/update/delta");
  }

  @Test
  void handsAMessageToEveryMatchingFilterWithItsSubtopic() {
    underTest.put("commands/#", (topic, p) -> received.add(topic + " " + new String(p, UTF_8)));
    underTest.put("shadow/#", (topic, p) -> received.add("not this"));

    underTest.dispatch(publish("devices/d-1/commands"));
    underTest.dispatch(publish("devices/d-2/commands"));

    assertThat(received).containsExactly("commands {}");
  }

  private static Mqtt5Publish publish(String topic) {
    return Mqtt5Publish.builder().topic(topic).payload("{}".getBytes(UTF_8)).build();
  }
}
