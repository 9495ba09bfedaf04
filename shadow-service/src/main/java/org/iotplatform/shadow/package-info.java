/** The shadow service. */
@NullMarked
package org.iotplatform.shadow;

import org.jspecify.annotations.NullMarked;
