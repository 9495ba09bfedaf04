package org.iotplatform.registry.audit;

/** The actions the history names; stable strings, part of the API. */
public final class AuditActions {

  public static final String DEVICE_CREATED = "device.created";
  public static final String DEVICE_UPDATED = "device.updated";
  public static final String DEVICE_DELETED = "device.deleted";

  /** Created or changed by a bulk import. */
  public static final String DEVICE_IMPORTED = "device.imported";

  public static final String CREDENTIAL_ISSUED = "credential.issued";
  public static final String CREDENTIAL_REVOKED = "credential.revoked";

  private AuditActions() {}
}
