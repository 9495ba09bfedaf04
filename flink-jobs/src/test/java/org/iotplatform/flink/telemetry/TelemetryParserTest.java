package org.iotplatform.flink.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.iotplatform.contracts.KafkaHeaders;
import org.iotplatform.contracts.TelemetryPayload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TelemetryParserTest {

  private final TelemetryParser underTest = new TelemetryParser();

  @Test
  void parsesTheContractsExample() {
    TelemetryRecord record =
        TelemetryRecords.of(
            "d-1",
            "{\"ts\":1732280000123,\"seq\":42,\"metrics\":{\"temperature\":23.4,\"humidity\":60}}");

    TelemetryParser.Result result = underTest.parse(record);

    assertThat(result)
        .isEqualTo(
            new TelemetryParser.Valid(
                new Telemetry(
                    "d-1",
                    TelemetryRecords.TENANT,
                    1732280000123L,
                    List.of(Metric.number("temperature", 23.4), Metric.number("humidity", 60)),
                    record)));
  }

  @Test
  void acceptsBooleansAndShortStrings() {
    Telemetry telemetry =
        valid("{\"metrics\":{\"door_open\":true,\"mode\":\"eco \\\"plus\\\"\",\"ok\":false}}");

    assertThat(telemetry.metrics())
        .containsExactly(
            Metric.bool("door_open", true),
            Metric.string("mode", "eco \"plus\""),
            Metric.bool("ok", false));
  }

  @Test
  void fallsBackToReceivedAtWithoutTs() {
    assertThat(valid("{\"metrics\":{\"t\":1}}").timestamp())
        .isEqualTo(TelemetryRecords.RECEIVED_AT);
    assertThat(valid("{\"ts\":null,\"metrics\":{\"t\":1}}").timestamp())
        .isEqualTo(TelemetryRecords.RECEIVED_AT);
  }

  @Test
  void fallsBackToTheKafkaTimestampWithoutReceivedAtHeader() {
    TelemetryRecord record =
        new TelemetryRecord(
            "d-1".getBytes(StandardCharsets.UTF_8),
            "{\"metrics\":{\"t\":1}}".getBytes(StandardCharsets.UTF_8),
            List.of(new TelemetryRecord.Header(KafkaHeaders.TENANT_ID, KafkaHeaders.encode("t"))),
            1234L);

    assertThat(underTest.parse(record))
        .isInstanceOfSatisfying(
            TelemetryParser.Valid.class,
            v -> assertThat(v.telemetry().timestamp()).isEqualTo(1234L));
  }

  @Test
  void ignoresUnknownTopLevelFields() {
    assertThat(valid("{\"metrics\":{\"t\":1},\"firmware\":\"2.4.1\",\"extra\":{}}").metrics())
        .containsExactly(Metric.number("t", 1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"metrics\":{\"t\":1}", "not json", "", "{\"metrics\":{\"t\":1}} x"})
  void rejectsMalformedJson(String json) {
    assertRejected(json, RejectCode.PAYLOAD_MALFORMED_JSON);
  }

  @Test
  void rejectsDuplicateKeys() {
    assertRejected("{\"metrics\":{\"t\":1,\"t\":2}}", RejectCode.PAYLOAD_MALFORMED_JSON);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1,2]", "42", "\"text\"", "null", "true"})
  void rejectsJsonThatIsNotAnObject(String json) {
    assertRejected(json, RejectCode.PAYLOAD_NOT_AN_OBJECT);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"ts\":1}",
        "{\"metrics\":{}}",
        "{\"metrics\":null}",
        "{\"metrics\":[1]}",
        "{\"metrics\":\"t=1\"}"
      })
  void rejectsMissingOrEmptyMetrics(String json) {
    assertRejected(json, RejectCode.METRICS_MISSING);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"inf\"", "\" nan \"", "1e400"})
  void rejectsNonFiniteNumbersIncludingThoseGivenAsStrings(String value) {
    assertRejected("{\"metrics\":{\"t\":" + value + "}}", RejectCode.METRIC_NOT_FINITE);
  }

  @Test
  void acceptsTheMostMetricsAMessageMayCarryAndRejectsOneMore() {
    assertThat(valid(metrics(TelemetryPayload.MAX_METRICS)).metrics())
        .hasSize(TelemetryPayload.MAX_METRICS);
    assertRejected(metrics(10_000), RejectCode.METRICS_TOO_MANY);
  }

  private static String metrics(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> "\"m" + i + "\":" + i)
        .collect(Collectors.joining(",", "{\"metrics\":{", "}}"));
  }

  @Test
  void rejectsNanAndInfinityLiterals() {
    assertRejected("{\"metrics\":{\"t\":NaN}}", RejectCode.PAYLOAD_MALFORMED_JSON);
    assertRejected("{\"metrics\":{\"t\":Infinity}}", RejectCode.PAYLOAD_MALFORMED_JSON);
  }

  @Test
  void acceptsAStringOfExactlyTheMaximumLengthAndRejectsALongerOne() {
    String longest = "é".repeat(256);

    assertThat(valid("{\"metrics\":{\"s\":\"" + longest + "\"}}").metrics())
        .containsExactly(Metric.string("s", longest));
    assertRejected("{\"metrics\":{\"s\":\"" + longest + "x\"}}", RejectCode.METRIC_STRING_TOO_LONG);
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "[1]", "{\"a\":1}", "\"line\\nbreak\""})
  void rejectsMetricValuesThatAreNotNumberBooleanOrPlainString(String value) {
    assertRejected("{\"metrics\":{\"t\":" + value + "}}", RejectCode.METRIC_VALUE_INVALID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "time", "device_id", "tenant_id", "device_type", "a\\\\", "tab\\t"})
  void rejectsMetricNamesInfluxDbCannotStoreUnambiguously(String name) {
    assertRejected("{\"metrics\":{\"" + name + "\":1}}", RejectCode.METRIC_NAME_INVALID);
  }

  @Test
  void acceptsMetricNamesThatNeedEscapingInLineProtocol() {
    assertThat(valid("{\"metrics\":{\"a b,c=d\":1}}").metrics())
        .containsExactly(Metric.number("a b,c=d", 1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "1.5", "\"1732280000123\"", "9223372036855", "true"})
  void rejectsTimestampsThatAreNotStorableEpochMillis(String ts) {
    assertRejected("{\"ts\":" + ts + ",\"metrics\":{\"t\":1}}", RejectCode.TIMESTAMP_INVALID);
  }

  @Test
  void acceptsTheLatestStorableTimestamp() {
    assertThat(valid("{\"ts\":9223372036854,\"metrics\":{\"t\":1}}").timestamp())
        .isEqualTo(TelemetryParser.MAX_TIMESTAMP_MILLIS);
  }

  @Test
  void rejectsTimestampsMoreThanFiveMinutesAheadOfTheBroker() {
    TelemetryParser limited = new TelemetryParser(TimestampLimits.forRawRetention("30d"));
    long fiveMinutes = 5 * 60_000;

    assertThat(limited.parse(at(TelemetryRecords.RECEIVED_AT + fiveMinutes)))
        .isInstanceOf(TelemetryParser.Valid.class);
    assertCode(
        limited.parse(at(TelemetryRecords.RECEIVED_AT + fiveMinutes + 1)),
        RejectCode.TIMESTAMP_AHEAD);
  }

  @Test
  void rejectsTimestampsOlderThanTheRawRetention() {
    TelemetryParser limited = new TelemetryParser(TimestampLimits.forRawRetention("30d"));
    long thirtyDays = 30L * 24 * 3_600_000;

    assertThat(limited.parse(at(TelemetryRecords.RECEIVED_AT - thirtyDays)))
        .isInstanceOf(TelemetryParser.Valid.class);
    assertCode(
        limited.parse(at(TelemetryRecords.RECEIVED_AT - thirtyDays - 1)),
        RejectCode.TIMESTAMP_TOO_OLD);
    assertThat(new TelemetryParser(TimestampLimits.forRawRetention("INF")).parse(at(0)))
        .isInstanceOf(TelemetryParser.Valid.class);
  }

  @Test
  void limitsNothingWithoutTsSinceTheBrokersTimeIsUsed() {
    TelemetryParser limited = new TelemetryParser(TimestampLimits.forRawRetention("30d"));

    assertThat(limited.parse(TelemetryRecords.of("d-1", "{\"metrics\":{\"t\":1}}")))
        .isInstanceOf(TelemetryParser.Valid.class);
  }

  private static TelemetryRecord at(long ts) {
    return TelemetryRecords.of("d-1", "{\"ts\":" + ts + ",\"metrics\":{\"t\":1}}");
  }

  @Test
  void rejectsPayloadsThatAreNotUtf8() {
    byte[] latin1 = "{\"metrics\":{\"s\":\"café\"}}".getBytes(StandardCharsets.ISO_8859_1);

    assertThat(underTest.parse(TelemetryRecords.of("d-1", latin1)))
        .isEqualTo(
            new TelemetryParser.Invalid(RejectCode.PAYLOAD_NOT_UTF8, "payload is not valid UTF-8"));
  }

  @Test
  void rejectsRecordsWithoutValue() {
    TelemetryRecord tombstone =
        new TelemetryRecord(
            "d-1".getBytes(StandardCharsets.UTF_8),
            null,
            TelemetryRecords.headers("d-1"),
            TelemetryRecords.RECEIVED_AT);

    assertCode(underTest.parse(tombstone), RejectCode.PAYLOAD_MISSING);
  }

  @Test
  void rejectsRecordsWhoseKeyIsNotADeviceId() {
    byte[] value = "{\"metrics\":{\"t\":1}}".getBytes(StandardCharsets.UTF_8);
    TelemetryRecord withoutKey =
        new TelemetryRecord(null, value, TelemetryRecords.headers("d-1"), 0L);
    TelemetryRecord withBadKey =
        new TelemetryRecord(
            "d 1/+".getBytes(StandardCharsets.UTF_8), value, TelemetryRecords.headers("d-1"), 0L);

    assertCode(underTest.parse(withoutKey), RejectCode.DEVICE_ID_INVALID);
    assertCode(underTest.parse(withBadKey), RejectCode.DEVICE_ID_INVALID);
  }

  @Test
  void rejectsRecordsWithoutTenant() {
    TelemetryRecord record =
        new TelemetryRecord(
            "d-1".getBytes(StandardCharsets.UTF_8),
            "{\"metrics\":{\"t\":1}}".getBytes(StandardCharsets.UTF_8),
            List.of(),
            0L);

    assertCode(underTest.parse(record), RejectCode.TENANT_ID_INVALID);
  }

  private Telemetry valid(String json) {
    TelemetryParser.Result result = underTest.parse(TelemetryRecords.of("d-1", json));
    assertThat(result).isInstanceOf(TelemetryParser.Valid.class);
    return ((TelemetryParser.Valid) result).telemetry();
  }

  private void assertRejected(String json, RejectCode code) {
    assertCode(underTest.parse(TelemetryRecords.of("d-1", json)), code);
  }

  private static void assertCode(TelemetryParser.Result result, RejectCode code) {
    assertThat(result)
        .isInstanceOfSatisfying(
            TelemetryParser.Invalid.class,
            invalid -> {
              assertThat(invalid.code()).isEqualTo(code);
              assertThat(invalid.detail()).isNotBlank();
            });
  }
}
