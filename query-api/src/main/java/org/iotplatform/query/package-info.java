/**
 * The query API: telemetry time-range queries over InfluxDB for operators and dashboards.
 *
 * <p>Tenancy (JWT resource server) arrives with the registry's issue; until then every caller sees
 * every device.
 */
@NullMarked
package org.iotplatform.query;

import org.jspecify.annotations.NullMarked;
