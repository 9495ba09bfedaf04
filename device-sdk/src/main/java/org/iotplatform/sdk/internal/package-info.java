/** How the device SDK works inside; not part of its API. */
@NullMarked
package org.iotplatform.sdk.internal;

import org.jspecify.annotations.NullMarked;
