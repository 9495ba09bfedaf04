/**
 * The ingestion benchmark harness of issue 4: {@link
 * org.iotplatform.systemtests.bench.IngestionBenchmark} measures the broker alone beside the broker
 * with the bridge, publish-to-PUBACK latency, MQTT to InfluxDB throughput and memory per
 * connection, in one run. Not part of the suite (its name does not end in IT); see
 * docs/benchmarks.md for the command.
 */
@NullMarked
package org.iotplatform.systemtests.bench;

import org.jspecify.annotations.NullMarked;
