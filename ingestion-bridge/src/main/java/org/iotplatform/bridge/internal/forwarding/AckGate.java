package org.iotplatform.bridge.internal.forwarding;

import com.hivemq.extension.sdk.api.async.Async;
import com.hivemq.extension.sdk.api.interceptor.puback.PubackOutboundInterceptor;
import com.hivemq.extension.sdk.api.interceptor.puback.parameter.PubackOutboundInput;
import com.hivemq.extension.sdk.api.interceptor.puback.parameter.PubackOutboundOutput;
import java.time.Duration;

/**
 * Holds back the broker's PUBACK of a QoS 1 publish the {@link ForwardingInterceptor} forwarded
 * without waiting, until Kafka acknowledged the record (ADR 0024). Most PUBACKs pass at once: Kafka
 * answered while the broker handled the publish. If Kafka failed, the client is being disconnected
 * and the PUBACK is let go only once it is, so the device never sees it and sends the message
 * again.
 *
 * <p>The broker runs a client's outbound PUBACK interceptions in order, so the PUBACKs still leave
 * in the order the publishes came. A DISCONNECT is not held: the device being disconnected because
 * Kafka failed must see the connection end before the PUBACK could leave. (For the same reason the
 * broker's own refusals, which send a PUBACK and a DISCONNECT at once, would lose their PUBACK; the
 * interceptor refuses publishes itself.) One instance serves all clients.
 */
final class AckGate implements PubackOutboundInterceptor {

  private final PendingAcks acks;
  private final Duration timeout;

  /**
   * @param timeout how long a PUBACK may be held; longer than Kafka's bound on an answer plus a
   *     disconnect, since the broker sends the PUBACK unchanged when it expires
   */
  AckGate(PendingAcks acks, Duration timeout) {
    this.acks = acks;
    this.timeout = timeout;
  }

  @Override
  public void onOutboundPuback(PubackOutboundInput input, PubackOutboundOutput output) {
    PendingAcks.Pending entry =
        acks.find(
            input.getClientInformation().getClientId(),
            input.getPubackPacket().getPacketIdentifier());
    if (entry == null) {
      return; // Kafka has it, or the bridge did not forward it
    }
    Async<PubackOutboundOutput> async = output.async(timeout);
    entry.released().whenComplete((ignored, error) -> async.resume());
  }
}
