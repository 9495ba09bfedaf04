/**
 * Who may connect and which topics a client may use. Thin for now: any client may connect, and a
 * client may publish and subscribe only below {@code devices/{its client id}/}.
 */
@NullMarked
package org.iotplatform.bridge.internal.auth;

import org.jspecify.annotations.NullMarked;
