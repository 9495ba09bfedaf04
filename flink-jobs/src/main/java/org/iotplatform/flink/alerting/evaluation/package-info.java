/**
 * The alert evaluator: {@link AlertEvaluator} keeps per device a {@link RuleDeviceState} per rule
 * that applies to it and turns readings, silences, rule changes and device changes into FIRED and
 * RESOLVED {@link org.iotplatform.contracts.AlertEvent}s; {@link RuleEvaluation} is its pure state
 * machine for thresholds, rates and composites.
 */
@NullMarked
package org.iotplatform.flink.alerting.evaluation;

import org.jspecify.annotations.NullMarked;
