/**
 * Real servers for tests and the embedded default ({@code ./iot up}): Kafka and HiveMQ CE in
 * process, PostgreSQL, Redis and InfluxDB as child processes.
 *
 * <p>Every server is an {@link java.lang.AutoCloseable} handle that listens on 127.0.0.1 only. A
 * port of 0 picks a free port; a data directory of {@code null} means a temporary directory deleted
 * on close, while a given one is kept so that a restart finds the data. A start returns only once
 * the server answers, and throws {@link org.iotplatform.servers.ServerStartException} saying what
 * failed otherwise.
 */
@NullMarked
package org.iotplatform.servers;

import org.jspecify.annotations.NullMarked;
