/** The operators' REST API for shadows: get, patch desired, delete, history, list. */
@NullMarked
package org.iotplatform.shadow.api;

import org.jspecify.annotations.NullMarked;
