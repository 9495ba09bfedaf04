package org.iotplatform.sdk;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * TLS for a device connection: which servers to trust and, for X.509 authentication, the device's
 * own certificate and key. The device id is the certificate's subject CN, so a certificate issued
 * to another id is refused by {@link DeviceClientBuilder#build()} before connecting.
 *
 * <pre>{@code
 * TlsOptions.builder()
 *     .trustedCertificates(Path.of("ca.pem"))
 *     .clientCertificate(Path.of("device.pem"), Path.of("device.key"))
 *     .build();
 * }</pre>
 */
public final class TlsOptions {

  private final @Nullable Path trustedCertificates;
  private final @Nullable Path certificate;
  private final @Nullable Path privateKey;
  private final @Nullable Path keyStore;
  private final char @Nullable [] keyStorePassword;

  private TlsOptions(Builder builder) {
    this.trustedCertificates = builder.trustedCertificates;
    this.certificate = builder.certificate;
    this.privateKey = builder.privateKey;
    this.keyStore = builder.keyStore;
    this.keyStorePassword = builder.keyStorePassword;
  }

  /** TLS options. */
  public static Builder builder() {
    return new Builder();
  }

  /** PEM file of the CA certificates that sign the brokers' certificates; absent: the JVM's. */
  public @Nullable Path trustedCertificates() {
    return trustedCertificates;
  }

  /** PEM file of the device's certificate (chain), if it authenticates with one from PEM files. */
  public @Nullable Path certificate() {
    return certificate;
  }

  /** PEM file of the device's unencrypted PKCS#8 private key, with {@link #certificate()}. */
  public @Nullable Path privateKey() {
    return privateKey;
  }

  /** PKCS#12 key store with the device's key and certificate, if it uses one instead of PEM. */
  public @Nullable Path keyStore() {
    return keyStore;
  }

  /** The key store's password (also the key's). */
  public char @Nullable [] keyStorePassword() {
    return keyStorePassword == null ? null : keyStorePassword.clone();
  }

  /** Whether the device authenticates with a certificate. */
  public boolean hasClientCertificate() {
    return certificate != null || keyStore != null;
  }

  /** Builds {@link TlsOptions}. */
  public static final class Builder {

    private @Nullable Path trustedCertificates;
    private @Nullable Path certificate;
    private @Nullable Path privateKey;
    private @Nullable Path keyStore;
    private char @Nullable [] keyStorePassword;

    private Builder() {}

    /** Trusts the CA certificates in this PEM file (e.g. the platform's {@code ca.pem}). */
    public Builder trustedCertificates(Path pemFile) {
      this.trustedCertificates = pemFile;
      return this;
    }

    /** Authenticates with this certificate (PEM) and unencrypted PKCS#8 private key (PEM). */
    public Builder clientCertificate(Path certificatePem, Path privateKeyPem) {
      this.certificate = certificatePem;
      this.privateKey = privateKeyPem;
      return this;
    }

    /** Authenticates with the key and certificate in this PKCS#12 key store. */
    public Builder keyStore(Path pkcs12File, char[] password) {
      this.keyStore = pkcs12File;
      this.keyStorePassword = password.clone();
      return this;
    }

    /**
     * The options.
     *
     * @throws InvalidConfigurationException if both PEM files and a key store were given
     */
    public TlsOptions build() {
      if (certificate != null && keyStore != null) {
        throw new InvalidConfigurationException(
            "give the device's certificate as PEM files or as a key store, not both");
      }
      return new TlsOptions(this);
    }
  }
}
