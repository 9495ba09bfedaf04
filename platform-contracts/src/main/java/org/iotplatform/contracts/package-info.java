/**
 * The contracts between the platform's modules: MQTT topic names, Kafka topic and header names,
 * record formats and the InfluxDB schema. Nothing else is shared between services.
 *
 * <p>This module has no dependencies, so a HiveMQ extension, a Flink job and a Spring service can
 * all use it.
 */
@NullMarked
package org.iotplatform.contracts;

import org.jspecify.annotations.NullMarked;
