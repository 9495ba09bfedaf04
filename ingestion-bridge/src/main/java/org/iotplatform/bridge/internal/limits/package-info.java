/** Limits on what one device may publish: payload size and a per-device rate (ADR 0016). */
@NullMarked
package org.iotplatform.bridge.internal.limits;

import org.jspecify.annotations.NullMarked;
