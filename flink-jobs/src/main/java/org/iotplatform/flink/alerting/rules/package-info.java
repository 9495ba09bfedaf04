/**
 * Alert rules as the evaluation job holds them: {@link RuleUpdate} (a record of {@code
 * iot.alert-rules.v1}, the broadcast state), {@link CompiledRule} (a rule ready to evaluate) and
 * {@link RuleIndex} (the rules by tenant, metric and device, so a reading meets only the rules that
 * can apply to it).
 */
@NullMarked
package org.iotplatform.flink.alerting.rules;

import org.jspecify.annotations.NullMarked;
