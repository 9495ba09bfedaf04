package org.iotplatform.bridge.internal.limits;

import com.hivemq.extension.sdk.api.packets.publish.AckReasonCode;

/**
 * Why a publish was refused by a limit.
 *
 * @param reasonCode the MQTT 5 PUBACK reason code the device gets (QoS 1 and 2)
 * @param reasonString the PUBACK reason string, naming the limit
 * @param metric the suffix of the refusal counter, {@code payload-too-large} or {@code
 *     rate-limited}
 */
public record LimitRefusal(AckReasonCode reasonCode, String reasonString, String metric) {}
