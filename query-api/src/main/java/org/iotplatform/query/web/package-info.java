/** The service's error catalogue and its rendering as RFC 9457 problem details. */
@NullMarked
package org.iotplatform.query.web;

import org.jspecify.annotations.NullMarked;
