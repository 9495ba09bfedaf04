/** The edge gateway. */
@NullMarked
package org.iotplatform.edge;

import org.jspecify.annotations.NullMarked;
