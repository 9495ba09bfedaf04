package org.iotplatform.registry.group;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** The primary key of a group: its tenant and id. */
@Embeddable
class GroupKey implements Serializable {

  @Column(name = "tenant_id")
  private String tenantId = "";

  @Column(name = "id")
  private UUID id = new UUID(0, 0);

  protected GroupKey() {}

  GroupKey(String tenantId, UUID id) {
    this.tenantId = tenantId;
    this.id = id;
  }

  String tenantId() {
    return tenantId;
  }

  UUID id() {
    return id;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GroupKey key && tenantId.equals(key.tenantId) && id.equals(key.id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenantId, id);
  }
}
