/**
 * Conventions the registry's REST API keeps the same on every resource: opaque page cursors, page
 * sizes, and the versions {@code If-Match} names.
 */
@NullMarked
package org.iotplatform.registry.http;

import org.jspecify.annotations.NullMarked;
