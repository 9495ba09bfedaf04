package org.iotplatform.registry.devicetype;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** The primary key of a device type: its tenant and name. */
@Embeddable
class DeviceTypeKey implements Serializable {

  @Column(name = "tenant_id")
  private String tenantId = "";

  @Column(name = "name")
  private String name = "";

  protected DeviceTypeKey() {}

  DeviceTypeKey(String tenantId, String name) {
    this.tenantId = tenantId;
    this.name = name;
  }

  String tenantId() {
    return tenantId;
  }

  String name() {
    return name;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DeviceTypeKey key
        && tenantId.equals(key.tenantId)
        && name.equals(key.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenantId, name);
  }
}
