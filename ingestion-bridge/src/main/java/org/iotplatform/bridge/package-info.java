/**
 * The ingestion bridge: a HiveMQ CE extension that authorizes device topics and forwards device
 * publishes to Kafka.
 *
 * <p>Public API: {@link org.iotplatform.bridge.IngestionBridge} (embedding the extension in an
 * in-process broker), {@link org.iotplatform.bridge.BridgeConfig} and {@link
 * org.iotplatform.bridge.IngestionBridgeMain} (the entry point a standalone HiveMQ loads).
 * Everything under {@code internal} is private to this module.
 */
@NullMarked
package org.iotplatform.bridge;

import org.jspecify.annotations.NullMarked;
