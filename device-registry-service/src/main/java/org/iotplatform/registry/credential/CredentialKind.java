package org.iotplatform.registry.credential;

import org.iotplatform.contracts.DeviceSnapshot;

/** What a device authenticates with; the names are those of {@link DeviceSnapshot.Credential}. */
public enum CredentialKind {
  /** An X.509 client certificate signed by the platform CA. */
  CERTIFICATE,
  /** A bearer token, shown once, stored as a slow hash. */
  TOKEN
}
