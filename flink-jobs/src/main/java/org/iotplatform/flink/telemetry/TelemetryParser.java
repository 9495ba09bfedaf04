package org.iotplatform.flink.telemetry;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.iotplatform.contracts.DeviceTopic;
import org.iotplatform.contracts.InfluxSchema;
import org.iotplatform.contracts.TelemetryPayload;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a {@link TelemetryRecord} into {@link Telemetry} as {@link TelemetryPayload} specifies, or
 * says why it cannot. Never throws on bad input: malformed data is the devices' problem, and must
 * not stop the job.
 *
 * <p>Beyond the JSON contract it rejects what InfluxDB would refuse or store ambiguously (names
 * clashing with tags or {@code time}, trailing backslashes, control characters, timestamps beyond
 * what nanosecond precision can hold), because a point InfluxDB refuses can no longer reach the
 * dead-letter topic.
 *
 * <p>Not thread-safe; one instance per operator.
 */
public final class TelemetryParser {

  /** Longest metric name, in characters. */
  public static final int MAX_METRIC_NAME_LENGTH = 128;

  /** Longest tenant id, in characters. */
  public static final int MAX_TENANT_ID_LENGTH = 128;

  /** The latest timestamp InfluxDB can store: it keeps nanoseconds in a signed 64-bit integer. */
  public static final long MAX_TIMESTAMP_MILLIS = Long.MAX_VALUE / 1_000_000;

  // Field names equal to a tag key or to "time" make InfluxQL queries ambiguous or are refused.
  private static final Set<String> RESERVED_METRIC_NAMES =
      Set.of(
          "time",
          InfluxSchema.TAG_DEVICE_ID,
          InfluxSchema.TAG_TENANT_ID,
          InfluxSchema.TAG_DEVICE_TYPE);

  // Devices that cannot put NaN into JSON sometimes send it as a string; storing it as a string
  // would turn a numeric metric into a string one.
  private static final Set<String> NON_FINITE_SPELLINGS =
      Set.of("nan", "inf", "infinity", "+nan", "+inf", "+infinity", "-nan", "-inf", "-infinity");

  private final TimestampLimits limits;

  private final JsonMapper mapper =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** A parser that limits timestamps only to what InfluxDB can store. */
  public TelemetryParser() {
    this(TimestampLimits.none());
  }

  /** A parser that also rejects timestamps outside {@code limits}. */
  public TelemetryParser(TimestampLimits limits) {
    this.limits = limits;
  }

  /** The outcome of {@link #parse}: valid telemetry or a rejection. */
  public sealed interface Result permits Valid, Invalid {}

  /** The record is valid. */
  public record Valid(Telemetry telemetry) implements Result {}

  /** The record is rejected; {@code detail} tells a human what was wrong. */
  public record Invalid(RejectCode code, String detail) implements Result {}

  public Result parse(TelemetryRecord record) {
    try {
      return new Valid(telemetry(record));
    } catch (Rejection rejection) {
      return new Invalid(rejection.code, rejection.getMessage());
    }
  }

  private Telemetry telemetry(TelemetryRecord record) throws Rejection {
    String deviceId = record.deviceId();
    if (deviceId == null || !DeviceTopic.isValidDeviceId(deviceId)) {
      throw new Rejection(RejectCode.DEVICE_ID_INVALID, "key is not a device id: " + deviceId);
    }
    String tenantId = record.tenantId();
    if (tenantId == null) {
      throw new Rejection(RejectCode.TENANT_ID_INVALID, "tenant-id header is missing");
    }
    checkName(tenantId, MAX_TENANT_ID_LENGTH, RejectCode.TENANT_ID_INVALID, "tenant-id");
    JsonNode root = parseJson(record.value());
    long timestamp = timestamp(root.get("ts"), record);
    JsonNode metricsNode = root.get("metrics");
    if (metricsNode == null || !metricsNode.isObject() || metricsNode.isEmpty()) {
      throw new Rejection(RejectCode.METRICS_MISSING, "metrics must be a non-empty object");
    }
    if (metricsNode.size() > TelemetryPayload.MAX_METRICS) {
      throw new Rejection(
          RejectCode.METRICS_TOO_MANY,
          "a message carries at most "
              + TelemetryPayload.MAX_METRICS
              + " metrics, this one "
              + metricsNode.size());
    }
    List<Metric> metrics = new ArrayList<>(metricsNode.size());
    for (Map.Entry<String, JsonNode> entry : metricsNode.properties()) {
      metrics.add(metric(entry.getKey(), entry.getValue()));
    }
    return new Telemetry(deviceId, tenantId, timestamp, metrics, record);
  }

  private JsonNode parseJson(byte @Nullable [] value) throws Rejection {
    if (value == null) {
      throw new Rejection(RejectCode.PAYLOAD_MISSING, "record has no value");
    }
    String json;
    try {
      json =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(value))
              .toString();
    } catch (CharacterCodingException e) {
      throw new Rejection(RejectCode.PAYLOAD_NOT_UTF8, "payload is not valid UTF-8");
    }
    if (json.isBlank()) {
      throw new Rejection(RejectCode.PAYLOAD_MALFORMED_JSON, "payload is empty");
    }
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (JacksonException e) {
      throw new Rejection(
          RejectCode.PAYLOAD_MALFORMED_JSON, String.valueOf(e.getOriginalMessage()));
    }
    if (root == null || !root.isObject()) {
      throw new Rejection(RejectCode.PAYLOAD_NOT_AN_OBJECT, "payload is not a JSON object");
    }
    return root;
  }

  private long timestamp(@Nullable JsonNode ts, TelemetryRecord record) throws Rejection {
    if (ts == null || ts.isNull()) {
      return record.receivedAt();
    }
    if (!ts.isIntegralNumber()
        || !ts.canConvertToLong()
        || ts.longValue() < 0
        || ts.longValue() > MAX_TIMESTAMP_MILLIS) {
      throw new Rejection(
          RejectCode.TIMESTAMP_INVALID, "ts is not epoch milliseconds in range: " + ts);
    }
    long timestamp = ts.longValue();
    long receivedAt = record.receivedAt();
    Duration maxAhead = limits.maxAhead();
    if (maxAhead != null && timestamp - receivedAt > maxAhead.toMillis()) {
      throw new Rejection(
          RejectCode.TIMESTAMP_AHEAD,
          "ts " + timestamp + " is more than " + maxAhead + " after received-at " + receivedAt);
    }
    Duration maxAge = limits.maxAge();
    if (maxAge != null && receivedAt - timestamp > maxAge.toMillis()) {
      throw new Rejection(
          RejectCode.TIMESTAMP_TOO_OLD,
          "ts " + timestamp + " is more than " + maxAge + " before received-at " + receivedAt);
    }
    return timestamp;
  }

  private static Metric metric(String name, JsonNode value) throws Rejection {
    checkName(name, MAX_METRIC_NAME_LENGTH, RejectCode.METRIC_NAME_INVALID, "metric name");
    if (RESERVED_METRIC_NAMES.contains(name)) {
      throw new Rejection(RejectCode.METRIC_NAME_INVALID, "metric name is reserved: " + name);
    }
    if (value.isNumber()) {
      double number;
      try {
        number = value.doubleValue();
      } catch (JacksonException e) {
        number = Double.NaN;
      }
      if (!Double.isFinite(number)) {
        throw new Rejection(RejectCode.METRIC_NOT_FINITE, "metric " + name + " is not finite");
      }
      return Metric.number(name, number);
    }
    if (value.isBoolean()) {
      return Metric.bool(name, value.booleanValue());
    }
    if (value.isString()) {
      return Metric.string(name, checkString(name, value.stringValue()));
    }
    throw new Rejection(
        RejectCode.METRIC_VALUE_INVALID,
        "metric " + name + " is not a number, boolean or string: " + value.getNodeType());
  }

  private static String checkString(String name, String text) throws Rejection {
    if (NON_FINITE_SPELLINGS.contains(text.trim().toLowerCase(Locale.ROOT))) {
      throw new Rejection(
          RejectCode.METRIC_NOT_FINITE, "metric " + name + " is a non-finite number: " + text);
    }
    if (text.codePointCount(0, text.length()) > TelemetryPayload.MAX_STRING_METRIC_LENGTH) {
      throw new Rejection(
          RejectCode.METRIC_STRING_TOO_LONG,
          "metric "
              + name
              + " is longer than "
              + TelemetryPayload.MAX_STRING_METRIC_LENGTH
              + " characters");
    }
    if (hasControlCharacter(text)) {
      throw new Rejection(
          RejectCode.METRIC_VALUE_INVALID, "metric " + name + " has control characters");
    }
    return text;
  }

  /** Rejects names that cannot be an InfluxDB tag value or field key as they are. */
  private static void checkName(String name, int maxLength, RejectCode code, String what)
      throws Rejection {
    if (name.isEmpty()) {
      throw new Rejection(code, what + " is empty");
    }
    if (name.codePointCount(0, name.length()) > maxLength) {
      throw new Rejection(code, what + " is longer than " + maxLength + " characters: " + name);
    }
    if (hasControlCharacter(name)) {
      throw new Rejection(code, what + " has control characters");
    }
    // Line protocol cannot express a trailing backslash: it would escape the separator after it.
    if (name.endsWith("\\")) {
      throw new Rejection(code, what + " ends with a backslash: " + name);
    }
  }

  private static boolean hasControlCharacter(String text) {
    return text.chars().anyMatch(Character::isISOControl);
  }

  /** Control flow inside the parser only; cheap because it has no stack trace. */
  private static final class Rejection extends Exception {
    private static final long serialVersionUID = 1L;

    private final RejectCode code;

    Rejection(RejectCode code, String detail) {
      super(detail, null, false, false);
      this.code = code;
    }
  }
}
