/** The OTA campaign service. */
@NullMarked
package org.iotplatform.ota;

import org.jspecify.annotations.NullMarked;
