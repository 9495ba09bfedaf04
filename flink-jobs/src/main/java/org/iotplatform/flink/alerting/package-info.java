/**
 * Alert rule evaluation, as pure logic the alerting job's operators build on: when a rule's
 * condition holds for one device long enough to fire, when the alert resolves, and what cooldown
 * and hysteresis do. Exactly one active alert per (rule, device): {@link AlertState} is its Flink
 * state.
 */
@NullMarked
package org.iotplatform.flink.alerting;

import org.jspecify.annotations.NullMarked;
