package org.iotplatform.registry.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.registry.device.DeviceCriteria;
import org.iotplatform.registry.device.LocationBox;
import org.iotplatform.registry.http.PageSize;
import org.iotplatform.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GroupValidationTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "has space",
        "colon:",
        "slash/",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
      })
  void refusesNamesOutsideTheAlphabet(String name) {
    assertInvalid(() -> GroupValidation.name(name));
  }

  @Test
  void refusesANameShapedLikeAGroupId() {
    assertInvalid(() -> GroupValidation.name(UUID.randomUUID().toString()));
  }

  @Test
  void acceptsANameOfTheAlphabet() {
    assertThat(GroupValidation.name("Berlin_lab-2.a")).isEqualTo("Berlin_lab-2.a");
  }

  @Test
  void readsAPathSegmentAsAnIdOnlyWhenItIsAUuid() {
    UUID id = UUID.randomUUID();

    assertThat(GroupValidation.asId(id.toString())).isEqualTo(id);
    assertThat(GroupValidation.asId("berlin-lab")).isNull();
    // UUID.fromString is lenient with short groups; a name like this one stays a name.
    assertThat(GroupValidation.asId("1-2-3-4-5")).isNull();
  }

  @Test
  void requiresAKind() {
    assertInvalid(() -> GroupValidation.kind(null));
  }

  @Test
  void refusesAFilterOnAStaticGroup() {
    assertInvalid(() -> GroupValidation.noFilter(new GroupFilter("meter", null, null, null)));
  }

  @Test
  void refusesMembersOfADynamicGroup() {
    assertInvalid(() -> GroupValidation.noMembers(List.of("t-1")));
  }

  @Test
  void refusesAMissingFilter() {
    assertInvalid(() -> GroupValidation.criteria(null));
  }

  @Test
  void refusesAFilterThatSelectsEverything() {
    assertInvalid(() -> GroupValidation.criteria(new GroupFilter(null, Map.of(), null, null)));
  }

  @Test
  void refusesABlankType() {
    assertInvalid(() -> GroupValidation.criteria(new GroupFilter(" ", null, null, null)));
  }

  @Test
  void refusesABlankFirmwareVersion() {
    assertInvalid(() -> GroupValidation.criteria(new GroupFilter(null, null, "", null)));
  }

  @Test
  void refusesALabelKeyNoDeviceCanCarry() {
    assertInvalid(
        () -> GroupValidation.criteria(new GroupFilter(null, Map.of("a:b", "c"), null, null)));
  }

  @Test
  void refusesAnOverlongLabelValue() {
    assertInvalid(
        () ->
            GroupValidation.criteria(
                new GroupFilter(null, Map.of("site", "v".repeat(257)), null, null)));
  }

  @Test
  void refusesALocationBoxWithoutAllFourBounds() {
    assertInvalid(() -> GroupValidation.criteria(box(1.0, 2.0, 3.0, null)));
    assertInvalid(() -> GroupValidation.criteria(box(null, null, null, null)));
  }

  @Test
  void refusesALocationBoxOutsideTheGlobe() {
    assertInvalid(() -> GroupValidation.criteria(box(-90.5, 0.0, 0.0, 1.0)));
    assertInvalid(() -> GroupValidation.criteria(box(0.0, 1.0, 0.0, 180.5)));
  }

  @Test
  void refusesALocationBoxWithMinimumAboveMaximum() {
    assertInvalid(() -> GroupValidation.criteria(box(10.0, 0.0, 0.0, 1.0)));
    assertInvalid(() -> GroupValidation.criteria(box(0.0, 1.0, 5.0, 4.0)));
  }

  @Test
  void turnsAFilterIntoCriteriaAndBack() {
    GroupFilter filter =
        new GroupFilter(
            "meter", Map.of("site", "berlin"), "1.0", new GroupFilter.Box(52.0, 53.0, 13.0, 14.0));

    DeviceCriteria criteria = GroupValidation.criteria(filter);

    assertThat(criteria)
        .isEqualTo(
            new DeviceCriteria(
                "meter", Map.of("site", "berlin"), "1.0", new LocationBox(52, 53, 13, 14)));
    assertThat(GroupValidation.normalized(criteria)).isEqualTo(filter);
  }

  @Test
  void normalizesAbsentLabelsToNull() {
    assertThat(
            GroupValidation.normalized(
                GroupValidation.criteria(new GroupFilter("meter", Map.of(), null, null))))
        .isEqualTo(new GroupFilter("meter", null, null, null));
  }

  @Test
  void keepsTheDistinctDeviceIdsOfABatchInOrder() {
    assertThat(GroupValidation.deviceIds(List.of("b", "a", "b"))).containsExactly("b", "a");
  }

  @Test
  void refusesAnEmptyOrMissingBatch() {
    assertInvalid(() -> GroupValidation.deviceIds(List.of()));
    assertInvalid(() -> GroupValidation.deviceIds(null));
  }

  @Test
  void refusesABatchAboveTheMaximum() {
    assertInvalid(
        () -> GroupValidation.deviceIds(Collections.nCopies(GroupValidation.MAX_BATCH + 1, "d")));
  }

  @Test
  void refusesAnInvalidDeviceIdInABatch() {
    assertInvalid(() -> GroupValidation.deviceIds(List.of("ok", "not ok")));
    List<String> withNull = new ArrayList<>(Arrays.asList("ok", null));
    assertInvalid(() -> GroupValidation.deviceIds(withNull));
  }

  @Test
  void defaultsTheLimitAndRefusesOneOutOfRange() {
    assertThat(GroupValidation.limit(null)).isEqualTo(PageSize.DEFAULT);
    assertThat(GroupValidation.limit(PageSize.MAX)).isEqualTo(500);
    assertInvalid(() -> GroupValidation.limit(0));
    assertInvalid(() -> GroupValidation.limit(PageSize.MAX + 1));
  }

  @Test
  void readsTheVersionOfAnIfMatchHeader() {
    assertThat(GroupValidation.ifMatch("\"3\"")).isEqualTo(3);
    assertThat(GroupValidation.ifMatch("W/\"4\"")).isEqualTo(4);
    assertThat(GroupValidation.ifMatch("*")).isNull();
    assertInvalid(() -> GroupValidation.ifMatch("\"abc\""));
  }

  private static GroupFilter box(Double minLat, Double maxLat, Double minLon, Double maxLon) {
    return new GroupFilter(null, null, null, new GroupFilter.Box(minLat, maxLat, minLon, maxLon));
  }

  private static void assertInvalid(Executable call) {
    assertThatThrownBy(call::execute)
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.error()).isEqualTo(RegistryError.GROUP_INVALID));
  }
}
