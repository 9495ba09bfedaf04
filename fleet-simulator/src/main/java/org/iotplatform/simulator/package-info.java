/**
 * The fleet simulator: {@link org.iotplatform.simulator.FleetSimulation} runs many simulated
 * devices on the device SDK in one JVM; {@link org.iotplatform.simulator.SimulatorMain} is its
 * command line.
 */
@NullMarked
package org.iotplatform.simulator;

import org.jspecify.annotations.NullMarked;
