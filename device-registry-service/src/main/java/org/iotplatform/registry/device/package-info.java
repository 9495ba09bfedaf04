/** Devices: create, read, update, delete and search with a keyset cursor. */
@NullMarked
package org.iotplatform.registry.device;

import org.jspecify.annotations.NullMarked;
