/** The Kafka end of alert events: {@code iot.alerts.v1}, key = device id, JSON values. */
@NullMarked
package org.iotplatform.flink.alerting.output;

import org.jspecify.annotations.NullMarked;
