/**
 * The platform CA's plumbing on BouncyCastle: generating or loading the CA, parsing and checking
 * CSRs, signing device certificates, PEM. No web, no database: the credential feature wires it.
 */
@NullMarked
package org.iotplatform.registry.credential.internal;

import org.jspecify.annotations.NullMarked;
