/**
 * The audit history of devices: who changed what and when, written in the transaction of the change
 * and readable at {@code /api/v1/devices/{id}/history}.
 */
@NullMarked
package org.iotplatform.registry.audit;

import org.jspecify.annotations.NullMarked;
