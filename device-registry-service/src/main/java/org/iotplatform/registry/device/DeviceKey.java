package org.iotplatform.registry.device;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** The primary key of a device: its tenant and id. */
@Embeddable
class DeviceKey implements Serializable {

  @Column(name = "tenant_id")
  private String tenantId = "";

  @Column(name = "id")
  private String id = "";

  protected DeviceKey() {}

  DeviceKey(String tenantId, String id) {
    this.tenantId = tenantId;
    this.id = id;
  }

  String tenantId() {
    return tenantId;
  }

  String id() {
    return id;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DeviceKey key && tenantId.equals(key.tenantId) && id.equals(key.id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenantId, id);
  }
}
