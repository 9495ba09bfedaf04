package org.iotplatform.bridge.internal.auth;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.iotplatform.contracts.DeviceTopic;

/**
 * The device id a client certificate names: the platform CA issues device certificates with subject
 * {@code CN=<device id>}. A subject with no CN, with several CNs (in any RDN, multi-valued ones
 * included) or with a CN that is not a valid device id names no device. Pure and thread-safe.
 */
final class CertificateSubject {

  private CertificateSubject() {}

  /** The device id of the certificate's subject, empty when it names none. */
  static Optional<String> deviceId(X509Certificate certificate) {
    return deviceId(certificate.getSubjectX500Principal());
  }

  static Optional<String> deviceId(X500Principal subject) {
    List<Object> commonNames = new ArrayList<>();
    try {
      for (Rdn rdn : new LdapName(subject.getName(X500Principal.RFC2253)).getRdns()) {
        // Case-insensitive lookup: "CN", "cn" and the OID's RFC 2253 name are the same attribute.
        Attribute cn = rdn.toAttributes().get("CN");
        for (int i = 0; cn != null && i < cn.size(); i++) {
          commonNames.add(cn.get(i));
        }
      }
    } catch (NamingException e) {
      return Optional.empty(); // the JDK wrote the name, so it parses; refuse if it ever does not
    }
    // A value that is not a string (a hex-encoded #... value) cannot be a device id either.
    return commonNames.size() == 1
            && commonNames.get(0) instanceof String deviceId
            && DeviceTopic.isValidDeviceId(deviceId)
        ? Optional.of(deviceId)
        : Optional.empty();
  }
}
