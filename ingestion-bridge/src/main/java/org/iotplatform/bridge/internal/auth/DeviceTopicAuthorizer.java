package org.iotplatform.bridge.internal.auth;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import com.hivemq.extension.sdk.api.auth.PublishAuthorizer;
import com.hivemq.extension.sdk.api.auth.SubscriptionAuthorizer;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.PublishAuthorizerOutput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerInput;
import com.hivemq.extension.sdk.api.auth.parameter.SubscriptionAuthorizerOutput;
import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;
import com.hivemq.extension.sdk.api.packets.subscribe.SubackReasonCode;
import java.util.Optional;

/**
 * Applies {@link DeviceTopicPolicy} to every PUBLISH (will messages included) and every
 * subscription. It always decides, so the broker's default permissions never apply. MQTT 5 clients
 * get NOT_AUTHORIZED with a reason string saying which rule refused; MQTT 3 has no negative PUBACK,
 * and the broker then drops the publish or disconnects the client by its own rules. Every refusal
 * is counted, a publish to another device's topic apart from one to a shadow answer topic.
 */
public final class DeviceTopicAuthorizer implements PublishAuthorizer, SubscriptionAuthorizer {

  static final String PUBLISH_REFUSED =
      "not authorized: a device may publish only below devices/{its client id}/";
  static final String SHADOW_PUBLISH_REFUSED =
      "not authorized: below devices/{id}/shadow/ a device may publish only get, update and"
          + " delete requests; answers come from the platform";
  static final String SUBSCRIBE_REFUSED =
      "not authorized: a device may subscribe only below devices/{its client id}/";

  static final String PUBLISHES_REFUSED = "org.iotplatform.bridge.publishes.refused.not-authorized";
  static final String SHADOW_PUBLISHES_REFUSED =
      "org.iotplatform.bridge.publishes.refused.shadow-answer";
  static final String SUBSCRIPTIONS_REFUSED =
      "org.iotplatform.bridge.subscriptions.refused.not-authorized";

  private final DeviceTopicPolicy policy;
  private final Counter publishesRefused;
  private final Counter shadowPublishesRefused;
  private final Counter subscriptionsRefused;

  public DeviceTopicAuthorizer(DeviceTopicPolicy policy, MetricRegistry metrics) {
    this.policy = policy;
    this.publishesRefused = metrics.counter(PUBLISHES_REFUSED);
    this.shadowPublishesRefused = metrics.counter(SHADOW_PUBLISHES_REFUSED);
    this.subscriptionsRefused = metrics.counter(SUBSCRIPTIONS_REFUSED);
  }

  @Override
  public void authorizePublish(PublishAuthorizerInput input, PublishAuthorizerOutput output) {
    String clientId = input.getClientInformation().getClientId();
    Optional<String> refusal = refusePublish(clientId, input.getPublishPacket().getTopic());
    if (refusal.isEmpty()) {
      output.authorizeSuccessfully();
    } else {
      output.failAuthorization(AckReasonCode.NOT_AUTHORIZED, refusal.get());
    }
  }

  /**
   * Why {@code clientId} may not publish to {@code topic} (the reason string for its
   * NOT_AUTHORIZED), counted, or empty if it may. The forwarding interceptor asks first, for every
   * publish, so that the device gets its PUBACK with the reason and stays connected; the broker
   * disconnects after a publish its authorizer refused, which this then does only for wills.
   */
  public Optional<String> refusePublish(String clientId, String topic) {
    return switch (policy.checkPublish(clientId, topic)) {
      case ALLOWED -> Optional.empty();
      case OUTSIDE_OWN_TOPICS -> {
        publishesRefused.inc();
        yield Optional.of(PUBLISH_REFUSED);
      }
      case SHADOW_NOT_A_REQUEST -> {
        shadowPublishesRefused.inc();
        yield Optional.of(SHADOW_PUBLISH_REFUSED);
      }
    };
  }

  @Override
  public void authorizeSubscribe(
      SubscriptionAuthorizerInput input, SubscriptionAuthorizerOutput output) {
    String clientId = input.getClientInformation().getClientId();
    if (policy.maySubscribe(clientId, input.getSubscription().getTopicFilter())) {
      output.authorizeSuccessfully();
    } else {
      subscriptionsRefused.inc();
      output.failAuthorization(SubackReasonCode.NOT_AUTHORIZED, SUBSCRIBE_REFUSED);
    }
  }
}
