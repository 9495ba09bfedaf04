package org.iotplatform.alerts.rule;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.iotplatform.contracts.AlertRuleSnapshot.Condition;
import org.jspecify.annotations.Nullable;

/**
 * Between the REST condition ({@link ConditionBody}) and the contract's tree: expands the
 * shorthands, parses durations, and refuses what an evaluator could not run with the field and the
 * reason ({@link Condition#isWellFormed()} says only yes or no).
 */
final class ConditionMapper {

  static final String BATTERY_LOW = "BATTERY_LOW";
  static final String ANOMALY = "ANOMALY";
  static final String BATTERY = "battery";
  static final String ANOMALY_SCORE = "anomaly_score";

  /** Most readings in a row a leaf may wait for: more is a duration in disguise. */
  static final int MAX_CONSECUTIVE = 10_000;

  private static final Map<String, String> SYMBOLS =
      Map.of(">", "GT", ">=", "GE", "<", "LT", "<=", "LE", "==", "EQ", "!=", "NE");

  private static final Pattern METRIC = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private ConditionMapper() {}

  /** The contract's tree for a request's condition. */
  static Condition toCondition(@Nullable ConditionBody body) {
    Condition condition = map(body, "condition", 1);
    if (condition.leaves() > Condition.MAX_LEAVES) {
      throw RuleError.invalid(
          "condition",
          "has "
              + condition.leaves()
              + " thresholds and rates, more than the "
              + Condition.MAX_LEAVES
              + " a rule may hold");
    }
    if (!condition.isWellFormed()) {
      // A safety net: every case above should have named its field already.
      throw RuleError.invalid("condition", "is not a condition the evaluator can run");
    }
    return condition;
  }

  /** The metrics the tree's thresholds and rates watch. */
  static Set<String> metrics(Condition condition) {
    Set<String> metrics = new LinkedHashSet<>();
    collect(condition, metrics);
    return metrics;
  }

  private static void collect(Condition condition, Set<String> metrics) {
    if (condition.metric() != null) {
      metrics.add(condition.metric());
    }
    condition.conditions().forEach(part -> collect(part, metrics));
  }

  /** The REST form of a stored tree: durations as ISO-8601, empty fields as null. */
  static ConditionBody toBody(Condition condition) {
    boolean leaf =
        Condition.THRESHOLD.equals(condition.type()) || Condition.RATE.equals(condition.type());
    boolean composite =
        Condition.ALL.equals(condition.type()) || Condition.ANY.equals(condition.type());
    return new ConditionBody(
        condition.type(),
        condition.metric(),
        condition.operator(),
        condition.value(),
        condition.upper(),
        leaf ? condition.consecutive() : null,
        leaf && condition.sustainForMillis() > 0
            ? Duration.ofMillis(condition.sustainForMillis()).toString()
            : null,
        leaf ? condition.hysteresis() : null,
        Condition.OFFLINE.equals(condition.type())
            ? Duration.ofMillis(condition.afterMillis()).toString()
            : null,
        composite ? condition.conditions().stream().map(ConditionMapper::toBody).toList() : null,
        null,
        null);
  }

  private static Condition map(@Nullable ConditionBody body, String path, int depth) {
    if (body == null) {
      throw RuleError.invalid(path, "is required");
    }
    if (depth > Condition.MAX_DEPTH) {
      throw RuleError.invalid(
          path, "nests deeper than the " + Condition.MAX_DEPTH + " levels a condition may have");
    }
    String type = body.type() == null ? "" : body.type().toUpperCase(Locale.ROOT);
    return switch (type) {
      case Condition.THRESHOLD, Condition.RATE -> leaf(body, type, path);
      case BATTERY_LOW ->
          shorthand(body, path, BATTERY, "LT", required(body.below(), path + ".below"));
      case ANOMALY ->
          shorthand(body, path, ANOMALY_SCORE, "GT", required(body.above(), path + ".above"));
      case Condition.OFFLINE -> offline(body, path, depth);
      case Condition.ALL, Condition.ANY -> composite(body, type, path, depth);
      default ->
          throw RuleError.invalid(
              path + ".type",
              "must be THRESHOLD, RATE, OFFLINE, ALL, ANY, BATTERY_LOW or ANOMALY, got "
                  + body.type());
    };
  }

  private static Condition leaf(ConditionBody body, String type, String path) {
    String metric = body.metric();
    if (metric == null || !METRIC.matcher(metric).matches()) {
      throw RuleError.invalid(
          path + ".metric", "must be 1 to 64 of letters, digits, dot, underscore and dash");
    }
    String operator = operator(body.operator(), path + ".operator");
    double value = required(body.value(), path + ".value");
    boolean range = operator.equals("BETWEEN") || operator.equals("OUTSIDE");
    Double upper = body.upper();
    if (range) {
      upper = required(upper, path + ".upper");
      if (value > upper) {
        throw RuleError.invalid(
            path + ".upper",
            "must be at least value (" + value + ") for " + operator + ", got " + upper);
      }
    } else if (upper != null) {
      throw RuleError.invalid(path + ".upper", "is only for BETWEEN and OUTSIDE");
    }
    return new Condition(
        type,
        metric,
        operator,
        value,
        upper,
        consecutive(body.consecutive(), path + ".consecutive"),
        millis(body.sustainFor(), path + ".sustainFor"),
        hysteresis(body.hysteresis(), path + ".hysteresis"),
        0,
        List.of());
  }

  private static Condition shorthand(
      ConditionBody body, String path, String metric, String operator, double bound) {
    return new Condition(
        Condition.THRESHOLD,
        metric,
        operator,
        bound,
        null,
        consecutive(body.consecutive(), path + ".consecutive"),
        millis(body.sustainFor(), path + ".sustainFor"),
        hysteresis(body.hysteresis(), path + ".hysteresis"),
        0,
        List.of());
  }

  private static Condition offline(ConditionBody body, String path, int depth) {
    if (depth > 1) {
      throw RuleError.invalid(
          path + ".type", "OFFLINE must be the whole condition, not part of ALL or ANY");
    }
    if (body.after() == null) {
      throw RuleError.invalid(path + ".after", "is required for OFFLINE (e.g. PT5M)");
    }
    long after = millis(body.after(), path + ".after");
    if (after <= 0) {
      throw RuleError.invalid(path + ".after", "must be longer than zero");
    }
    return Condition.offline(after);
  }

  private static Condition composite(ConditionBody body, String type, String path, int depth) {
    List<ConditionBody> parts = body.conditions();
    if (parts == null || parts.isEmpty()) {
      throw RuleError.invalid(path + ".conditions", type + " needs at least one condition");
    }
    List<Condition> mapped = new ArrayList<>(parts.size());
    for (int i = 0; i < parts.size(); i++) {
      mapped.add(map(parts.get(i), path + ".conditions[" + i + "]", depth + 1));
    }
    return new Condition(type, null, null, null, null, 0, 0, 0, 0, mapped);
  }

  private static String operator(@Nullable String operator, String path) {
    if (operator != null) {
      String name =
          SYMBOLS.getOrDefault(operator.strip(), operator.strip().toUpperCase(Locale.ROOT));
      if (Condition.OPERATORS.contains(name)) {
        return name;
      }
    }
    throw RuleError.invalid(
        path,
        "must be one of GT, GE, LT, LE, EQ, NE, BETWEEN, OUTSIDE (or > >= < <= == !=), got "
            + operator);
  }

  private static double required(@Nullable Double number, String path) {
    if (number == null) {
      throw RuleError.invalid(path, "is required");
    }
    if (!Double.isFinite(number)) {
      throw RuleError.invalid(path, "must be a finite number, got " + number);
    }
    return number;
  }

  private static int consecutive(@Nullable Integer consecutive, String path) {
    if (consecutive == null) {
      return 1;
    }
    if (consecutive < 1 || consecutive > MAX_CONSECUTIVE) {
      throw RuleError.invalid(path, "must be 1 to " + MAX_CONSECUTIVE + ", got " + consecutive);
    }
    return consecutive;
  }

  private static double hysteresis(@Nullable Double hysteresis, String path) {
    if (hysteresis == null) {
      return 0;
    }
    if (!Double.isFinite(hysteresis) || hysteresis < 0) {
      throw RuleError.invalid(path, "must be a finite number of at least 0, got " + hysteresis);
    }
    return hysteresis;
  }

  /** Milliseconds of an ISO-8601 duration, 0 when absent; refuses negative ones. */
  static long millis(@Nullable String duration, String path) {
    if (duration == null) {
      return 0;
    }
    Duration parsed;
    try {
      parsed = Duration.parse(duration);
    } catch (DateTimeParseException e) {
      throw RuleError.invalid(path, "must be an ISO-8601 duration such as PT30S, got " + duration);
    }
    if (parsed.isNegative()) {
      throw RuleError.invalid(path, "must not be negative, got " + duration);
    }
    try {
      return parsed.toMillis();
    } catch (ArithmeticException e) {
      throw RuleError.invalid(path, "is too long, got " + duration);
    }
  }
}
