package org.iotplatform.registry.credential.internal;

import java.io.IOException;
import java.io.StringReader;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;

/**
 * A device's PKCS#10 certificate signing request whose signature verifies with the public key it
 * carries: proof that the sender holds the private key, which never leaves the device.
 *
 * <p>Only the public key and the subject's CN are used; other subject attributes and requested
 * extensions are ignored, since the CA decides what the certificate says.
 */
public final class DeviceCsr {

  /** Far above any real CSR (an RSA-8192 one is about 3 KB), far below a problem. */
  static final int MAX_PEM_CHARS = 16 * 1024;

  static final int MIN_RSA_BITS = 2048;

  private final PKCS10CertificationRequest request;
  private final @Nullable String commonName;

  private DeviceCsr(PKCS10CertificationRequest request, @Nullable String commonName) {
    this.request = request;
    this.commonName = commonName;
  }

  /**
   * Parses a PEM CSR and verifies its signature and key.
   *
   * @throws ApiException {@code credential.invalid-csr} when it is no PEM CSR, its signature does
   *     not verify, or its key is too weak
   */
  public static DeviceCsr parse(@Nullable String pem) {
    if (pem == null || pem.isBlank()) {
      throw invalid("csr is required: a PEM block 'BEGIN CERTIFICATE REQUEST'.");
    }
    if (pem.length() > MAX_PEM_CHARS) {
      throw invalid("csr is longer than " + MAX_PEM_CHARS + " characters.");
    }
    PKCS10CertificationRequest request = read(pem);
    verifySignature(request);
    checkKey(request);
    RDN[] names = request.getSubject().getRDNs(BCStyle.CN);
    String commonName =
        names.length == 1 && !names[0].isMultiValued()
            ? IETFUtils.valueToString(names[0].getFirst().getValue())
            : null;
    return new DeviceCsr(request, commonName);
  }

  /**
   * This CSR, if its subject's single CN is the device id.
   *
   * @throws ApiException {@code credential.csr-subject-mismatch} otherwise
   */
  public DeviceCsr requireDevice(String deviceId) {
    if (!deviceId.equals(commonName)) {
      throw new ApiException(
          RegistryError.CREDENTIAL_CSR_SUBJECT_MISMATCH,
          commonName == null
              ? "The CSR's subject '" + request.getSubject() + "' has no single CN."
              : "The CSR names device '" + commonName + "', not '" + deviceId + "'.");
    }
    return this;
  }

  /** The subject CN, or null when the subject has none or several. */
  public @Nullable String commonName() {
    return commonName;
  }

  PKCS10CertificationRequest request() {
    return request;
  }

  private static PKCS10CertificationRequest read(String pem) {
    Object object;
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      object = parser.readObject();
    } catch (IOException | RuntimeException e) {
      // PEMParser reports bad Base64 or DER as either, depending on where the bytes break.
      throw invalid("csr is not valid PEM (" + e.getMessage() + ").");
    }
    if (object instanceof PKCS10CertificationRequest request) {
      return request;
    }
    throw invalid(
        object == null
            ? "csr holds no PEM block."
            : "csr is a PEM block of another kind; expected 'BEGIN CERTIFICATE REQUEST'.");
  }

  private static void verifySignature(PKCS10CertificationRequest request) {
    boolean valid;
    try {
      valid =
          request.isSignatureValid(
              new JcaContentVerifierProviderBuilder()
                  .setProvider(BouncyCastle.PROVIDER)
                  .build(request.getSubjectPublicKeyInfo()));
    } catch (OperatorCreationException | PKCSException | RuntimeException e) {
      throw invalid(
          "the CSR's key or signature algorithm is not supported (" + e.getMessage() + ").");
    }
    if (!valid) {
      throw invalid(
          "the CSR's signature does not verify with the public key it carries; sign it with the"
              + " device's private key.");
    }
  }

  private static void checkKey(PKCS10CertificationRequest request) {
    PublicKey key;
    try {
      key =
          new JcaPKCS10CertificationRequest(request)
              .setProvider(BouncyCastle.PROVIDER)
              .getPublicKey();
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw invalid("the CSR's public key is not supported (" + e.getMessage() + ").");
    }
    if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
      throw invalid("an RSA key needs at least " + MIN_RSA_BITS + " bits.");
    }
  }

  private static ApiException invalid(String problem) {
    return new ApiException(RegistryError.CREDENTIAL_INVALID_CSR, problem);
  }
}
