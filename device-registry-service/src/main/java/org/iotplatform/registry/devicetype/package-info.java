/** Device types: a name and the metrics a device of the type may send, with unit and range. */
@NullMarked
package org.iotplatform.registry.devicetype;

import org.jspecify.annotations.NullMarked;
