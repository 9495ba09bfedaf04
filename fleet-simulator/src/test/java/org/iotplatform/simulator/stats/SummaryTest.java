package org.iotplatform.simulator.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SummaryTest {

  private final Summary underTest =
      new Summary(
          10_000, 9_998, 600_000, 599_950, 2, 48, 600.04, 999.9166, 1.9, 12.345, 250.1, 812.25,
          41.123);

  @Test
  void isOneLineOfKeyValuePairsInAFixedOrder() {
    assertThat(underTest.toLine())
        .isEqualTo(
            "SIMULATOR SUMMARY devices=10000 connected=9998 sent=600000 acked=599950 errors=2"
                + " dropped=48 seconds=600.0 msg_per_s=999.9 p50_ms=1.900 p99_ms=12.345"
                + " max_ms=250.100 heap_mb=812.3 heap_per_device_kb=41.12");
  }

  @Test
  void parsesBackAsBenchmarksReadIt() {
    String line = underTest.toLine();
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String pair : line.substring(Summary.PREFIX.length()).split(" ")) {
      String[] keyValue = pair.split("=", 2);
      pairs.put(keyValue[0], keyValue[1]);
    }
    assertThat(pairs)
        .containsOnlyKeys(
            "devices",
            "connected",
            "sent",
            "acked",
            "errors",
            "dropped",
            "seconds",
            "msg_per_s",
            "p50_ms",
            "p99_ms",
            "max_ms",
            "heap_mb",
            "heap_per_device_kb");
    assertThat(Double.parseDouble(pairs.get("p99_ms"))).isEqualTo(12.345);
  }

  @Test
  void writesTheSameFieldsAsJsonNumbers() {
    JsonNode json = JsonMapper.builder().build().readTree(underTest.toJson());
    assertThat(json.propertyNames()).containsExactlyElementsOf(underTest.fields().keySet());
    assertThat(json.get("devices").asInt()).isEqualTo(10_000);
    assertThat(json.get("msg_per_s").isNumber()).isTrue();
    assertThat(json.get("msg_per_s").asDouble()).isEqualTo(999.9);
    assertThat(json.get("heap_per_device_kb").asDouble()).isEqualTo(41.12);
  }
}
