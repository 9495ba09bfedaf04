package org.iotplatform.registry.credential.internal;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * BouncyCastle's JCA provider for all of the CA's key and signature work: it knows every key by its
 * algorithm OID, which the JDK's providers do not (an EC key in a CSR, for one).
 */
final class BouncyCastle {

  /**
   * Passed to each builder, never registered with {@code java.security.Security}: the JVM's
   * providers stay as they are for everything else in the process (TLS, Kafka, JDBC).
   */
  static final Provider PROVIDER = new BouncyCastleProvider();

  private BouncyCastle() {}
}
