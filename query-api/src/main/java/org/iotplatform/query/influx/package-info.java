/** The InfluxDB (v1 HTTP API) client of this service and its health. */
@NullMarked
package org.iotplatform.query.influx;

import org.jspecify.annotations.NullMarked;
