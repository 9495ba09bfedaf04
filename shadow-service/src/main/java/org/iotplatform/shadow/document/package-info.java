/**
 * The device shadow document as AWS IoT Device Shadow defines it: desired and reported state, their
 * per-leaf metadata timestamps, the computed delta, versions, partial updates and their limits.
 * Pure logic on Jackson trees; storage, MQTT and REST come on top of it.
 */
@NullMarked
package org.iotplatform.shadow.document;

import org.jspecify.annotations.NullMarked;
