package org.iotplatform.simulator;

import java.nio.file.Path;

/** How a simulated device authenticates: a token, or a certificate and its private key. */
public sealed interface DeviceCredential {

  /** The device the credential belongs to. */
  String deviceId();

  /**
   * A token issued by the registry: the device's MQTT password.
   *
   * @param deviceId the device
   * @param token the secret
   */
  record Token(String deviceId, String token) implements DeviceCredential {

    @Override
    public String toString() {
      return "Token[deviceId=" + deviceId + ", token=(hidden)]";
    }
  }

  /**
   * A certificate the registry signed for the device's CSR.
   *
   * @param deviceId the device, the certificate's CN
   * @param certificatePem PEM file of the certificate, followed by the CA chain
   * @param privateKeyPem PEM file of the device's unencrypted PKCS#8 private key
   */
  record Certificate(String deviceId, Path certificatePem, Path privateKeyPem)
      implements DeviceCredential {}
}
