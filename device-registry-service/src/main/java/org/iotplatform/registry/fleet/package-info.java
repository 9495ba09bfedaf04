/** Fleet summary counts for dashboards, aggregated in SQL. */
@NullMarked
package org.iotplatform.registry.fleet;

import org.jspecify.annotations.NullMarked;
