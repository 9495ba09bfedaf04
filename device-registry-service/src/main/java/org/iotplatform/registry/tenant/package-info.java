/** The tenant a request acts in and the operator who makes it, from the caller's JWT. */
@NullMarked
package org.iotplatform.registry.tenant;

import org.jspecify.annotations.NullMarked;
