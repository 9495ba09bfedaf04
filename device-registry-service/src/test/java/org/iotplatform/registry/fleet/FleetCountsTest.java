package org.iotplatform.registry.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.iotplatform.registry.fleet.FleetCounts.Dimension;
import org.iotplatform.registry.fleet.FleetCounts.Row;
import org.junit.jupiter.api.Test;

class FleetCountsTest {

  @Test
  void foldsEachGroupingSetIntoItsCounts() {
    FleetSummary underTest =
        FleetCounts.summary(
            List.of(
                new Row(Dimension.STATUS, "ONLINE", 3),
                new Row(Dimension.STATUS, "OFFLINE", 4),
                new Row(Dimension.FIRMWARE, "1.0", 5),
                new Row(Dimension.FIRMWARE, null, 2),
                new Row(Dimension.TYPE, "meter", 1),
                new Row(Dimension.TYPE, "thermometer", 6)));

    assertThat(underTest)
        .isEqualTo(
            new FleetSummary(
                7, 3, 4, Map.of("meter", 1L, "thermometer", 6L), Map.of("1.0", 5L), 2));
  }

  @Test
  void countsZeroForNoRows() {
    assertThat(FleetCounts.summary(List.of()))
        .isEqualTo(new FleetSummary(0, 0, 0, Map.of(), Map.of(), 0));
  }

  @Test
  void listsTypesAndVersionsInOrder() {
    FleetSummary underTest =
        FleetCounts.summary(
            List.of(
                new Row(Dimension.TYPE, "b", 1),
                new Row(Dimension.TYPE, "a", 1),
                new Row(Dimension.FIRMWARE, "2.0", 1),
                new Row(Dimension.FIRMWARE, "1.0", 1)));

    assertThat(underTest.byType().keySet()).containsExactly("a", "b");
    assertThat(underTest.byFirmwareVersion().keySet()).containsExactly("1.0", "2.0");
  }
}
