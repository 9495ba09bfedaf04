package org.iotplatform.alerts.registry;

import org.iotplatform.web.ErrorCode;
import org.iotplatform.web.ErrorSpec;
import org.springframework.http.HttpStatus;

/** Errors of the calls to the registry, in the service's catalogue. */
public enum RegistryCallError implements ErrorCode {
  GROUP_TOO_LARGE(
      HttpStatus.UNPROCESSABLE_CONTENT,
      "group.too-large",
      "Group too large",
      "Scope the rule by device type or labels instead, or split the group."),
  REGISTRY_UNAVAILABLE(
      HttpStatus.SERVICE_UNAVAILABLE,
      "registry.unavailable",
      "Registry unavailable",
      "The group's members could not be read from the device registry; retry later.");

  private final ErrorSpec spec;

  RegistryCallError(HttpStatus status, String code, String title, String hint) {
    this.spec = new ErrorSpec(status, code, title, hint);
  }

  @Override
  public ErrorSpec spec() {
    return spec;
  }
}
