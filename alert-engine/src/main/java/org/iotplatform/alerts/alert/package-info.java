/**
 * The alert lifecycle: alert events from {@code iot.alerts.v1} become alert instances (active,
 * acknowledged, resolved) with their history, listed and acknowledged over {@code /api/v1/alerts}.
 */
@NullMarked
package org.iotplatform.alerts.alert;

import org.jspecify.annotations.NullMarked;
