/**
 * The launcher of the embedded dev stack ({@code ./iot up}): starts the stores, the broker with the
 * bridge, the Flink jobs and every service on one machine, and stops all of it on Ctrl-C.
 */
@NullMarked
package org.iotplatform.devstack;

import org.jspecify.annotations.NullMarked;
