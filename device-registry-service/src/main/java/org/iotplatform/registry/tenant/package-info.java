/** The tenant a request acts in. */
@NullMarked
package org.iotplatform.registry.tenant;

import org.jspecify.annotations.NullMarked;
