package org.iotplatform.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.iotplatform.sdk.DeviceClient;
import org.iotplatform.sdk.shadow.DeviceShadow;
import org.iotplatform.sdk.shadow.ShadowDelta;
import org.iotplatform.servers.FreePorts;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The device shadow across the real stack (registry, bridge, Kafka, shadow-service, Redis) with a
 * device on the SDK: while the device is offline an operator sets desired state twice; when it
 * comes back it gets one delta holding both changes, reports them, and the operator sees it in
 * sync. An operator's update with an old version is refused.
 */
class ShadowSyncIT {

  private static final Duration BOUND = Duration.ofSeconds(60);
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path varDir;

  @Test
  void aDeviceBackOnlineGetsOneDeltaWithEveryChangeMadeMeanwhileAndEndsInSync() throws Exception {
    DevStackOptions options = StackApi.options(varDir, false, 0);
    String deviceId = "shadow-sync-it-1";

    try (DevStack stack = new DevStack(options)) {
      stack.start();
      String token =
          StackApi.token(
              options.ports().registry(), Files.readString(options.adminKeyFile()).strip());
      StackApi.createDevice(options, token, "thermostat", deviceId);
      String deviceToken = StackApi.deviceToken(options, token, deviceId);
      URI shadow =
          URI.create(
              "http://127.0.0.1:"
                  + options.ports().shadow()
                  + "/api/v1/devices/"
                  + deviceId
                  + "/shadow");

      // First session: the device reports where it stands, then goes offline.
      try (DeviceClient device = connected(options, deviceId, deviceToken)) {
        device
            .shadow()
            .report(Map.of("mode", "comfort", "target", 19))
            .get(BOUND.toSeconds(), TimeUnit.SECONDS);
      }

      // The shadow service learns the device's tenant from the registry's snapshot: a 404 before
      // that changes nothing.
      await()
          .atMost(BOUND)
          .until(
              () ->
                  patch(shadow, token, "{\"state\":{\"desired\":{\"mode\":\"eco\"}}}", null)
                      .statusCode(),
              status -> status == 200);
      assertThat(
              patch(shadow, token, "{\"state\":{\"desired\":{\"target\":21}}}", null).statusCode())
          .isEqualTo(200);
      JsonNode whileOffline = JSON.readTree(get(shadow, token).body());
      assertThat(whileOffline.path("state").path("delta").size()).isEqualTo(2);

      List<ShadowDelta> deltas = new CopyOnWriteArrayList<>();
      try (DeviceClient device =
          connected(
              options,
              deviceId,
              deviceToken,
              client -> {
                DeviceShadow deviceShadow = client.shadow();
                deviceShadow.onDelta(
                    delta -> {
                      deltas.add(delta);
                      deviceShadow.report(delta.state());
                    });
              })) {
        await()
            .atMost(BOUND)
            .untilAsserted(
                () ->
                    assertThat(JSON.readTree(get(shadow, token).body()).path("state").has("delta"))
                        .as("delta cleared")
                        .isFalse());

        assertThat(deltas).isNotEmpty();
        assertThat(deltas)
            .as("every delta the device got holds both changes")
            .allSatisfy(
                delta -> {
                  assertThat(delta.state().path("mode").asString("")).isEqualTo("eco");
                  assertThat(delta.state().path("target").asInt(0)).isEqualTo(21);
                });
        HttpResponse<String> inSync = get(shadow, token);
        JsonNode state = JSON.readTree(inSync.body()).path("state");
        assertThat(state.path("reported").path("mode").asString("")).isEqualTo("eco");
        assertThat(state.path("reported").path("target").asInt(0)).isEqualTo(21);
        assertThat(state.path("desired"))
            .isEqualTo(JSON.readTree("{\"mode\":\"eco\",\"target\":21}"));

        HttpResponse<String> stale =
            patch(shadow, token, "{\"state\":{\"desired\":{\"target\":23}}}", "\"1\"");
        assertThat(stale.statusCode()).isEqualTo(409);
      }
    }
  }

  private static DeviceClient connected(DevStackOptions options, String deviceId, String token) {
    return connected(options, deviceId, token, client -> {});
  }

  /**
   * A connected SDK device. The bridge learns a fresh credential shortly after the registry issued
   * it and refuses the device until then: attempts are repeated with new clients.
   */
  private static DeviceClient connected(
      DevStackOptions options,
      String deviceId,
      String token,
      java.util.function.Consumer<DeviceClient> beforeConnect) {
    return await()
        .atMost(BOUND)
        .ignoreExceptions()
        .until(
            () -> {
              DeviceClient client =
                  DeviceClient.builder()
                      .deviceId(deviceId)
                      .endpoint(FreePorts.LOOPBACK, options.ports().mqtt())
                      .token(token)
                      .build();
              try {
                beforeConnect.accept(client);
                client.connect().get(20, TimeUnit.SECONDS);
                return client;
              } catch (Exception e) {
                client.close();
                throw e;
              }
            },
            client -> true);
  }

  private static HttpResponse<String> get(URI uri, String token) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> patch(
      URI uri, String token, String body, @Nullable String ifMatch) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
