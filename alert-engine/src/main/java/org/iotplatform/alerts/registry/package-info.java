/**
 * What the alert engine asks the device registry over its REST API: the members of a group, with
 * the caller's own token.
 */
@NullMarked
package org.iotplatform.alerts.registry;

import org.jspecify.annotations.NullMarked;
