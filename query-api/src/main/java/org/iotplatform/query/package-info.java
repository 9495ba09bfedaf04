/**
 * The query API: telemetry time-range queries over InfluxDB for operators and dashboards. Callers
 * authenticate with the platform's JWTs (service-web's resource server); a query reads only the
 * points tagged with the caller's tenant.
 */
@NullMarked
package org.iotplatform.query;

import org.jspecify.annotations.NullMarked;
