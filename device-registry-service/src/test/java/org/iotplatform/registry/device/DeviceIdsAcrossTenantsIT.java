package org.iotplatform.registry.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.iotplatform.contracts.Tenants;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.registry.RegistryITBase;
import org.iotplatform.registry.devicetype.DeviceTypeManagement;
import org.iotplatform.registry.devicetype.DeviceTypeRequest;
import org.iotplatform.web.ApiException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A device id names one device on the whole platform (ADR 0007), whichever tenant holds it. */
class DeviceIdsAcrossTenantsIT extends RegistryITBase {

  private static final String OTHER_TENANT = "acme";

  private final DeviceManagement underTest;
  private final DeviceTypeManagement types;
  private final JdbcTemplate jdbc;

  DeviceIdsAcrossTenantsIT(
      @Autowired DeviceManagement underTest,
      @Autowired DeviceTypeManagement types,
      @Autowired JdbcTemplate jdbc) {
    this.underTest = underTest;
    this.types = types;
    this.jdbc = jdbc;
  }

  @BeforeEach
  void twoTenantsWithOneType() {
    jdbc.update(
        "INSERT INTO tenants (id, name) VALUES (?, 'Acme') ON CONFLICT DO NOTHING", OTHER_TENANT);
    types.create(Tenants.DEFAULT, new DeviceTypeRequest("meter", Map.of()));
    types.create(OTHER_TENANT, new DeviceTypeRequest("meter", Map.of()));
  }

  @Test
  void refusesAnIdThatAnotherTenantHolds() {
    underTest.create(Tenants.DEFAULT, request("meter-1"));

    assertThatThrownBy(() -> underTest.create(OTHER_TENANT, request("meter-1")))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.error()).isEqualTo(RegistryError.DEVICE_DUPLICATE));
    assertThat(underTest.get(Tenants.DEFAULT, "meter-1").id()).isEqualTo("meter-1");
  }

  @Test
  void givesAnIdFreeAgainOnceItsDeviceIsDeleted() {
    underTest.create(Tenants.DEFAULT, request("meter-2"));
    underTest.delete(Tenants.DEFAULT, "meter-2");

    assertThat(underTest.create(OTHER_TENANT, request("meter-2")).id()).isEqualTo("meter-2");
  }

  private static CreateDeviceRequest request(String id) {
    return new CreateDeviceRequest(id, "meter", null, null, null, null, null);
  }
}
