/** Time-range queries of one device's raw telemetry. */
@NullMarked
package org.iotplatform.query.telemetry;

import org.jspecify.annotations.NullMarked;
