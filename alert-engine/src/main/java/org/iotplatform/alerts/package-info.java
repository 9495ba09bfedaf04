/** The alert engine. */
@NullMarked
package org.iotplatform.alerts;

import org.jspecify.annotations.NullMarked;
