package org.iotplatform.registry.credential;

/** Whether a credential works now, as the listing shows it. */
public enum CredentialStatus {
  /** Valid now; a replaced credential stays ACTIVE until its overlap window ends. */
  ACTIVE,
  REVOKED,
  EXPIRED
}
