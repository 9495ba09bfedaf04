/** How the device shadow client works inside; not part of the SDK's API. */
@NullMarked
package org.iotplatform.sdk.internal.shadow;

import org.jspecify.annotations.NullMarked;
