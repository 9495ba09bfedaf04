/**
 * What a simulation counts and measures: counters, publish-to-acknowledgement latency, heap per
 * device, the live progress line and the final summary.
 */
@NullMarked
package org.iotplatform.simulator.stats;

import org.jspecify.annotations.NullMarked;
