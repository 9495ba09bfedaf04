package org.iotplatform.bridge.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import com.codahale.metrics.MetricRegistry;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.client.parameter.ClientInformation;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.publish.PublishPacket;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.Subscription;
import org.junit.jupiter.api.Test;

/** The SDK's inputs and outputs are interfaces the broker implements: stubbed here. */
class DeviceTopicAuthorizerTest {

  private final MetricRegistry metrics = new MetricRegistry();
  private final DeviceTopicAuthorizer underTest =
      new DeviceTopicAuthorizer(new DeviceTopicPolicy(), metrics);

  @Test
  void authorizesPublishToTheDevicesOwnTopic() {
    PublishAuthorizerOutput output = mock(PublishAuthorizerOutput.class);

    underTest.authorizePublish(publish("d-1", "devices/d-1/telemetry"), output);

    verify(output).authorizeSuccessfully();
    verifyNoMoreInteractions(output);
  }

  @Test
  void rejectsPublishToAnotherDevicesTopicAsNotAuthorized() {
    PublishAuthorizerOutput output = mock(PublishAuthorizerOutput.class);

    underTest.authorizePublish(publish("d-1", "devices/d-2/telemetry"), output);

    verify(output)
        .failAuthorization(AckReasonCode.NOT_AUTHORIZED, DeviceTopicAuthorizer.PUBLISH_REFUSED);
    verifyNoMoreInteractions(output);
  }

  @Test
  void rejectsPublishToTheDevicesOwnShadowDeltaAsNotAuthorizedSayingAnswersComeFromThePlatform() {
    PublishAuthorizerOutput output = mock(PublishAuthorizerOutput.class);

    underTest.authorizePublish(publish("d-1", "devices/d-1/shadow/update/delta"), output);

    verify(output)
        .failAuthorization(
            AckReasonCode.NOT_AUTHORIZED, DeviceTopicAuthorizer.SHADOW_PUBLISH_REFUSED);
    verifyNoMoreInteractions(output);
  }

  @Test
  void authorizesAShadowRequest() {
    PublishAuthorizerOutput output = mock(PublishAuthorizerOutput.class);

    underTest.authorizePublish(publish("d-1", "devices/d-1/shadow/name/config/get"), output);

    verify(output).authorizeSuccessfully();
    verifyNoMoreInteractions(output);
  }

  @Test
  void countsRefusedShadowAnswersApartFromOtherDevicesTopics() {
    underTest.authorizePublish(
        publish("d-1", "devices/d-1/shadow/update/accepted"), mock(PublishAuthorizerOutput.class));
    underTest.authorizePublish(
        publish("d-1", "devices/d-1/shadow/update"), mock(PublishAuthorizerOutput.class));

    assertThat(metrics.counter(DeviceTopicAuthorizer.SHADOW_PUBLISHES_REFUSED).getCount())
        .isEqualTo(1);
    assertThat(metrics.counter(DeviceTopicAuthorizer.PUBLISHES_REFUSED).getCount()).isZero();
  }

  @Test
  void authorizesSubscriptionToTheDevicesOwnShadowAnswers() {
    SubscriptionAuthorizerOutput output = mock(SubscriptionAuthorizerOutput.class);

    underTest.authorizeSubscribe(subscribe("d-1", "devices/d-1/shadow/#"), output);

    verify(output).authorizeSuccessfully();
    verifyNoMoreInteractions(output);
  }

  @Test
  void authorizesSubscriptionBelowTheDevicesOwnTopic() {
    SubscriptionAuthorizerOutput output = mock(SubscriptionAuthorizerOutput.class);

    underTest.authorizeSubscribe(subscribe("d-1", "devices/d-1/commands"), output);

    verify(output).authorizeSuccessfully();
    verifyNoMoreInteractions(output);
  }

  @Test
  void rejectsWildcardSubscriptionAcrossDevicesAsNotAuthorized() {
    SubscriptionAuthorizerOutput output = mock(SubscriptionAuthorizerOutput.class);

    underTest.authorizeSubscribe(subscribe("d-1", "devices/+/commands"), output);

    verify(output)
        .failAuthorization(
            SubackReasonCode.NOT_AUTHORIZED, DeviceTopicAuthorizer.SUBSCRIBE_REFUSED);
    verifyNoMoreInteractions(output);
  }

  @Test
  void countsRefusedPublishesAndSubscriptionsButNotAuthorizedOnes() {
    underTest.authorizePublish(
        publish("d-1", "devices/d-2/telemetry"), mock(PublishAuthorizerOutput.class));
    underTest.authorizePublish(
        publish("d-1", "devices/d-1/telemetry"), mock(PublishAuthorizerOutput.class));
    underTest.authorizeSubscribe(
        subscribe("d-1", "devices/#"), mock(SubscriptionAuthorizerOutput.class));

    assertThat(metrics.counter(DeviceTopicAuthorizer.PUBLISHES_REFUSED).getCount()).isEqualTo(1);
    assertThat(metrics.counter(DeviceTopicAuthorizer.SUBSCRIPTIONS_REFUSED).getCount())
        .isEqualTo(1);
  }

  private static PublishAuthorizerInput publish(String clientId, String topic) {
    PublishAuthorizerInput input = mock(PublishAuthorizerInput.class);
    PublishPacket packet = mock(PublishPacket.class);
    ClientInformation client = client(clientId);
    when(input.getClientInformation()).thenReturn(client);
    when(input.getPublishPacket()).thenReturn(packet);
    when(packet.getTopic()).thenReturn(topic);
    return input;
  }

  private static SubscriptionAuthorizerInput subscribe(String clientId, String filter) {
    SubscriptionAuthorizerInput input = mock(SubscriptionAuthorizerInput.class);
    Subscription subscription = mock(Subscription.class);
    ClientInformation client = client(clientId);
    when(input.getClientInformation()).thenReturn(client);
    when(input.getSubscription()).thenReturn(subscription);
    when(subscription.getTopicFilter()).thenReturn(filter);
    return input;
  }

  private static ClientInformation client(String clientId) {
    ClientInformation client = mock(ClientInformation.class);
    when(client.getClientId()).thenReturn(clientId);
    return client;
  }
}
