/**
 * Silences (maintenance windows) over {@code /api/v1/silences}: while one is active, the alerts of
 * the devices or the rule it covers are recorded but not notified.
 */
@NullMarked
package org.iotplatform.alerts.silence;

import org.jspecify.annotations.NullMarked;
