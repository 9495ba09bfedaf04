package org.iotplatform.sdk;

/**
 * Counters of a device client since it was built.
 *
 * @param buffered messages in the offline buffer now (waiting or in flight)
 * @param published messages handed to the broker (each retry counts again)
 * @param acknowledged messages acknowledged by the platform (QoS 1) or written (QoS 0)
 * @param refused messages the platform refused for good
 * @param dropped messages that did not fit in the offline buffer
 * @param connects successful connections (the first one and each reconnect)
 */
public record ClientStats(
    long buffered, long published, long acknowledged, long refused, long dropped, long connects) {}
