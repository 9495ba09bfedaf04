package org.iotplatform.sdk.internal;

/**
 * A message in the offline buffer.
 *
 * @param position its place in the buffer: positions grow by one per appended message and are never
 *     reused, also across restarts of an on-disk buffer
 * @param subtopic the topic below {@code devices/{id}/}
 * @param qos 0 or 1
 * @param payload the bytes to publish (not copied; never modify them)
 */
public record StoredMessage(long position, String subtopic, int qos, byte[] payload) {}
