package org.iotplatform.sdk;

import org.jspecify.annotations.Nullable;

/**
 * A message the platform accepted: for {@link Qos#AT_LEAST_ONCE} it is stored durably, for {@link
 * Qos#AT_MOST_ONCE} it was written to the connection.
 *
 * @param subtopic where it went, below {@code devices/{id}/}
 * @param qos how it was sent
 * @param sequence the telemetry sequence number the message carried, if it is telemetry
 */
public record PublishReceipt(String subtopic, Qos qos, @Nullable Long sequence) {}
