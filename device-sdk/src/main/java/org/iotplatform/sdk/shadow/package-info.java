/**
 * The device shadow client: {@link org.iotplatform.sdk.shadow.DeviceShadow}, obtained from {@link
 * org.iotplatform.sdk.DeviceClient#shadow()}, keeps a device in step with the desired state the
 * platform holds for it and reports the device's state back.
 */
@NullMarked
package org.iotplatform.sdk.shadow;

import org.jspecify.annotations.NullMarked;
