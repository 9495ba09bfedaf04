package org.iotplatform.servers;

import java.nio.file.Path;

/**
 * A TLS listener of {@link HiveMqServer} (HiveMQ CE's {@code <tls-tcp-listener>}) on 127.0.0.1 that
 * asks clients for an X.509 certificate chaining to a CA of the truststore.
 *
 * <p>Both stores are PKCS12 files (JKS works too: the JDK reads either format whatever the type
 * HiveMQ asks for). The keystore holds the server's key and certificate chain under one entry; its
 * key has the keystore's password, as PKCS12 tools write it. HiveMQ verifies the client's chain
 * during the handshake, so a certificate of another CA never reaches an extension; whether the
 * certificate still belongs to a device is the extension's question.
 *
 * @param port the TLS port; 0 picks a free one
 * @param keystore the server's key and certificate chain
 * @param keystorePassword the password of the keystore and of its key
 * @param truststore the CA certificates client certificates must chain to
 * @param truststorePassword the password of the truststore
 * @param clientAuthentication whether a client must present a certificate
 */
public record HiveMqTlsListener(
    int port,
    Path keystore,
    String keystorePassword,
    Path truststore,
    String truststorePassword,
    ClientAuthentication clientAuthentication) {

  /** Whether the TLS handshake requires a client certificate. */
  public enum ClientAuthentication {
    /** A client without a certificate fails the handshake. */
    REQUIRED,
    /**
     * A client may omit its certificate (and authenticate otherwise, with a token say); a
     * certificate it does present must still chain to the truststore.
     */
    OPTIONAL
  }

  public HiveMqTlsListener {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("not a TCP port: " + port);
    }
  }

  /** The same listener on another port. */
  public HiveMqTlsListener withPort(int port) {
    return new HiveMqTlsListener(
        port, keystore, keystorePassword, truststore, truststorePassword, clientAuthentication);
  }

  /** The same listener with another client authentication mode. */
  public HiveMqTlsListener withClientAuthentication(ClientAuthentication mode) {
    return new HiveMqTlsListener(
        port, keystore, keystorePassword, truststore, truststorePassword, mode);
  }

  /** The {@code <tls-tcp-listener>} element for {@code config.xml}, on {@code boundPort}. */
  String configXml(int boundPort) {
    return """
            <tls-tcp-listener>
              <port>%d</port>
              <bind-address>%s</bind-address>
              <tls>
                <keystore>
                  <path>%s</path>
                  <password>%s</password>
                  <private-key-password>%s</private-key-password>
                </keystore>
                <truststore>
                  <path>%s</path>
                  <password>%s</password>
                </truststore>
                <client-authentication-mode>%s</client-authentication-mode>
              </tls>
            </tls-tcp-listener>
        """
        .formatted(
            boundPort,
            FreePorts.LOOPBACK,
            xml(keystore.toAbsolutePath().toString()),
            xml(keystorePassword),
            xml(keystorePassword),
            xml(truststore.toAbsolutePath().toString()),
            xml(truststorePassword),
            clientAuthentication.name());
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
