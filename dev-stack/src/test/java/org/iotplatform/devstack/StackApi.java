package org.iotplatform.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iotplatform.servers.FreePorts;
import org.jspecify.annotations.Nullable;

/** The stack's REST APIs as the README's "try it" uses them, and free ports for a test stack. */
final class StackApi {

  private static final Pattern DEVICE_TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

  private StackApi() {}

  /** The registry's base URL. */
  static String registry(DevStackOptions options) {
    return "http://127.0.0.1:" + options.ports().registry();
  }

  /** Creates the device type {@code type} and the device {@code id} of that type. */
  static void createDevice(DevStackOptions options, String token, String type, String id)
      throws Exception {
    post(registry(options) + "/api/v1/device-types", token, "{\"name\":\"" + type + "\"}");
    post(
        registry(options) + "/api/v1/devices",
        token,
        "{\"id\":\"" + id + "\",\"type\":\"" + type + "\"}");
  }

  /** Issues a token credential for the device {@code id}; the device's token. */
  static String deviceToken(DevStackOptions options, String token, String id) throws Exception {
    return field(
        DEVICE_TOKEN,
        post(registry(options) + "/api/v1/devices/" + id + "/credentials/tokens", token, "{}"));
  }

  /**
   * A stack of this checkout's jars with every service, on free ports, its data in {@code varDir}.
   *
   * @param flink whether the Flink jobs run
   * @param fleetDevices how many simulated devices publish
   */
  static DevStackOptions options(Path varDir, boolean flink, int fleetDevices) {
    return new DevStackOptions(
        Path.of("..").toAbsolutePath().normalize(),
        varDir,
        freePorts(),
        true,
        flink,
        fleetDevices,
        DevStackOptions.DEFAULT_SERVICE_JVM_OPTIONS);
  }

  static String get(String url, String token) throws Exception {
    HttpResponse<String> response = send(url, token);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  /** POSTs JSON with the operator's token, expects 201 and returns the body. */
  static String post(String url, String token, String json) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(201);
    return response.body();
  }

  /** POSTs JSON with the operator's token and returns the answer, whatever its status. */
  static HttpResponse<String> postJson(String url, String token, String json) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String field(Pattern pattern, String body) {
    Matcher matcher = pattern.matcher(body);
    assertThat(matcher.find()).as(body).isTrue();
    return matcher.group(1);
  }

  static int status(String url, @Nullable String token) throws Exception {
    return send(url, token).statusCode();
  }

  static HttpResponse<String> send(String url, @Nullable String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** What README's "try it" does: the admin API key exchanged at the registry for a JWT. */
  static String token(int registryPort, String apiKey) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + registryPort + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"apiKey\":\"" + apiKey + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Matcher token = ACCESS_TOKEN.matcher(response.body());
    assertThat(token.find()).as(response.body()).isTrue();
    return token.group(1);
  }

  /**
   * Twelve free ports below Linux's ephemeral range (32768 and up): a port the OS hands out for
   * outgoing connections could be taken by one of the stack's own clients before its server binds
   * it, which made a start fail now and then.
   */
  static StackPorts freePorts() {
    Set<Integer> picked = new LinkedHashSet<>();
    int candidate = 20_000 + ThreadLocalRandom.current().nextInt(10_000);
    while (picked.size() < 12) {
      if (FreePorts.isFree(candidate)) {
        picked.add(candidate);
      }
      candidate++;
    }
    Integer[] p = picked.toArray(Integer[]::new);
    return new StackPorts(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11]);
  }
}
