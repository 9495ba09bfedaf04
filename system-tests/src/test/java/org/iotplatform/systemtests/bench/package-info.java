/**
 * Benchmark harnesses, not part of the suite (their names do not end in IT); docs/benchmarks.md has
 * the commands and figures. {@link org.iotplatform.systemtests.bench.IngestionBenchmark} (issue 4)
 * measures the broker alone beside the broker with the bridge, publish-to-PUBACK latency, MQTT to
 * InfluxDB throughput and memory per connection, in one run; {@link
 * org.iotplatform.systemtests.bench.SimulatorBenchmark} (issue 5) what one fleet simulator process
 * drives against a bare broker in its own JVM; {@link
 * org.iotplatform.systemtests.bench.ShadowBenchmark} (issue 7) the time from an operator's REST
 * update of desired state to the delta at one of 10,000 connected devices, and sustained shadow
 * updates/s.
 */
@NullMarked
package org.iotplatform.systemtests.bench;

import org.jspecify.annotations.NullMarked;
