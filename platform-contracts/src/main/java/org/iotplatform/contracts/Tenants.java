package org.iotplatform.contracts;

/** Tenant identifiers known to every module. */
public final class Tenants {

  /**
   * The tenant of devices that the registry does not (yet) assign to another one; the embedded
   * default runs everything in it.
   */
  public static final String DEFAULT = "default";

  private Tenants() {}
}
