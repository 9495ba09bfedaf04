/**
 * Device groups of a tenant: static (explicit members) and dynamic (a filter over device
 * attributes, evaluated in SQL whenever a query runs).
 */
@NullMarked
package org.iotplatform.registry.group;

import org.jspecify.annotations.NullMarked;
