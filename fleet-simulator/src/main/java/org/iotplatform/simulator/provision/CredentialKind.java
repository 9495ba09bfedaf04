package org.iotplatform.simulator.provision;

/** What credential simulated devices get. */
public enum CredentialKind {
  /** A token from the registry: the MQTT password. */
  TOKEN,
  /** An EC P-256 key made here and a certificate the registry signs for its CSR. */
  CERTIFICATE
}
