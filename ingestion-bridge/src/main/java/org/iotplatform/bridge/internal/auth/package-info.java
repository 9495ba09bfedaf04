/**
 * Who may connect and which topics a client may use. In mode {@code none} any client may connect;
 * in mode {@code credentials} a device connects with its client certificate over TLS or with its
 * token, checked against the device view (ADR 0006, ADR 0015), and loses its session when that
 * credential is revoked or expires. Either way a client may publish and subscribe only below {@code
 * devices/{its client id}/}.
 */
@NullMarked
package org.iotplatform.bridge.internal.auth;

import org.jspecify.annotations.NullMarked;
