/** Forwarding of device publishes to Kafka, acknowledged to the device only once Kafka has them. */
@NullMarked
package org.iotplatform.bridge.internal.forwarding;

import org.jspecify.annotations.NullMarked;
