/**
 * Provisioning of simulated devices through the registry's REST API, with their credentials cached
 * in a state directory so that the next run reuses them.
 */
@NullMarked
package org.iotplatform.simulator.provision;

import org.jspecify.annotations.NullMarked;
