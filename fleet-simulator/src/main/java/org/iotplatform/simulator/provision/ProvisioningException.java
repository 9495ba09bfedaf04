package org.iotplatform.simulator.provision;

/** Provisioning failed; the message says at which step and what the registry answered. */
public class ProvisioningException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ProvisioningException(String message) {
    super(message);
  }

  public ProvisioningException(String message, Throwable cause) {
    super(message, cause);
  }
}
