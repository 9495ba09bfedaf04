package org.iotplatform.registry.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeviceWhereTest {

  @Test
  void startsWithTheTenant() {
    DeviceWhere underTest = new DeviceWhere("acme");

    assertThat(underTest.sql()).isEqualTo("tenant_id = :p0");
    assertThat(underTest.parameters()).containsExactly(Map.entry("p0", "acme"));
  }

  @Test
  void bindsTheSearchsTypeAndTheGroupsTypeSeparately() {
    DeviceCriteria criteria = new DeviceCriteria("meter", Map.of(), null, null);

    DeviceWhere underTest =
        new DeviceWhere("acme").type("thermometer").group(new GroupScope.Matching(criteria));

    assertThat(underTest.sql()).isEqualTo("tenant_id = :p0 AND type = :p1 AND type = :p2");
    assertThat(underTest.parameters())
        .containsEntry("p1", "thermometer")
        .containsEntry("p2", "meter");
  }

  @Test
  void keepsMembersOfTheSameTenant() {
    UUID group = UUID.randomUUID();

    DeviceWhere underTest = new DeviceWhere("acme").group(new GroupScope.Members(group));

    assertThat(underTest.sql())
        .isEqualTo(
            "tenant_id = :p0 AND id IN (SELECT m.device_id FROM device_group_members m"
                + " WHERE m.tenant_id = :p0 AND m.group_id = :p1)");
    assertThat(underTest.parameters()).containsEntry("p1", group);
  }

  @Test
  void boundsTheMembersByTheCursorToo() {
    UUID group = UUID.randomUUID();

    DeviceWhere underTest =
        new DeviceWhere("acme").afterId("d-7").group(new GroupScope.Members(group)).type("meter");

    assertThat(underTest.sql())
        .isEqualTo(
            "tenant_id = :p0 AND type = :p3 AND id IN (SELECT m.device_id FROM"
                + " device_group_members m WHERE m.tenant_id = :p0 AND m.group_id = :p2"
                + " AND m.device_id > :p1) AND id > :p1");
  }

  @Test
  void refusesTheMembersOfTwoGroups() {
    DeviceWhere underTest =
        new DeviceWhere("acme").group(new GroupScope.Members(UUID.randomUUID()));

    assertThatIllegalStateException()
        .isThrownBy(() -> underTest.group(new GroupScope.Members(UUID.randomUUID())));
  }

  @Test
  void addsNothingForAbsentFilters() {
    DeviceWhere underTest =
        new DeviceWhere("acme")
            .type(null)
            .status(null)
            .firmwareVersion(null)
            .labels(Map.of())
            .text(null)
            .lastSeen(null, null)
            .locationBox(null)
            .group(null)
            .afterId(null);

    assertThat(underTest.sql()).isEqualTo("tenant_id = :p0");
  }

  @Test
  void takesLikeWildcardsInTheTextLiterally() {
    assertThat(DeviceWhere.escapeLike("50%_a\\b")).isEqualTo("50\\%\\_a\\\\b");
  }
}
