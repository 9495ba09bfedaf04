/**
 * {@code Idempotency-Key} on the create calls that devices or scripts may retry ({@code POST
 * /api/v1/devices} and {@code POST /api/v1/devices:bulk}): the first successful answer is kept per
 * tenant and key, and a retry with the same key and request gets it again instead of creating
 * again. A servlet filter, so that the endpoints themselves know nothing of it.
 */
@NullMarked
package org.iotplatform.registry.idempotency;

import org.jspecify.annotations.NullMarked;
