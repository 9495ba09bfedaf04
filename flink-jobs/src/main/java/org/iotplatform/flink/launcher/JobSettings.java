package org.iotplatform.flink.launcher;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.util.ParameterTool;
import org.apache.flink.util.TimeUtils;
import org.jspecify.annotations.Nullable;

/**
 * A job's settings: each is an argument {@code --name value} or else an environment variable {@code
 * IOT_NAME} (upper case, {@code .} and {@code -} as {@code _}): for example {@code
 * --kafka.bootstrap-servers} or {@code IOT_KAFKA_BOOTSTRAP_SERVERS}. Blank values count as absent.
 */
public final class JobSettings {

  private final ParameterTool args;
  private final Map<String, String> environment;

  private JobSettings(ParameterTool args, Map<String, String> environment) {
    this.args = args;
    this.environment = environment;
  }

  /** The settings of these command-line arguments over this environment. */
  public static JobSettings of(String[] args, Map<String, String> environment) {
    return new JobSettings(ParameterTool.fromArgs(args), environment);
  }

  /** The value of {@code name}, or null. */
  public @Nullable String get(String name) {
    String value = args.get(name);
    if (value == null) {
      value = environment.get(environmentName(name));
    }
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** The value of {@code name}, or {@code fallback}. */
  public String get(String name, String fallback) {
    String value = get(name);
    return value == null ? fallback : value;
  }

  /** The integer value of {@code name}, or {@code fallback}. */
  public int getInt(String name, int fallback) {
    String value = get(name);
    return value == null ? fallback : Integer.parseInt(value);
  }

  /** A duration as Flink writes them ({@code 500ms}, {@code 10s}, {@code 1min}), or fallback. */
  public Duration getDuration(String name, Duration fallback) {
    String value = get(name);
    return value == null ? fallback : TimeUtils.parseDuration(value);
  }

  /** The environment variable that sets {@code name}. */
  public static String environmentName(String name) {
    return "IOT_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }
}
