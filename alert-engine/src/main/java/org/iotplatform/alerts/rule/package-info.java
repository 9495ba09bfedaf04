/**
 * Alert rules of a tenant: their REST API, validation, storage in PostgreSQL, and their snapshots
 * on {@code iot.alert-rules.v1} through the outbox.
 */
@NullMarked
package org.iotplatform.alerts.rule;

import org.jspecify.annotations.NullMarked;
