/**
 * Operator authentication: API keys per tenant with a role, exchanged at {@code POST
 * /api/v1/auth/token} for short-lived RS256 JWTs signed by a key kept under {@code
 * iot.registry.auth.key-dir}, whose public half {@code GET /api/v1/auth/jwks} serves to the other
 * services. {@link org.iotplatform.registry.auth.TokenIssuer} is public for tests and for features
 * that mint tokens; the rest is package-private.
 */
@NullMarked
package org.iotplatform.registry.auth;

import org.jspecify.annotations.NullMarked;
