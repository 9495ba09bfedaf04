/** The device registry. */
@NullMarked
package org.iotplatform.registry;

import org.jspecify.annotations.NullMarked;
