/**
 * Signal profiles: what a simulated thermostat, meter or tracker reads, as pure functions of a seed
 * and the clock, with the rare spikes and outages that make alerts and offline detection fire.
 */
@NullMarked
package org.iotplatform.simulator.profile;

import org.jspecify.annotations.NullMarked;
