package org.iotplatform.registry.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.iotplatform.registry.RegistryITBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Concurrent PATCHes of one device without {@code If-Match}: each answers 200, or 412 when another
 * request changed the device between its read and its write, never a 500; and every 200 is one
 * version step.
 */
class DeviceConcurrentUpdateIT extends RegistryITBase {

  private static final int WRITERS = 8;
  private static final int ROUNDS = 10;

  private final RestTestClient underTest;

  DeviceConcurrentUpdateIT(@Autowired RestTestClient underTest) {
    this.underTest = underTest;
  }

  @Test
  void answersEveryConcurrentUpdateWith200Or412() throws Exception {
    post("/api/v1/device-types", Map.of("name", "meter"));
    post("/api/v1/devices", Map.of("id", "busy-1", "type", "meter"));

    List<Integer> statuses = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
          String name = "writer-" + writer + "-round-" + round;
          answers.add(
              CompletableFuture.supplyAsync(
                  () -> {
                    await(start);
                    return underTest
                        .patch()
                        .uri("/api/v1/devices/busy-1")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("name", name))
                        .exchange()
                        .returnResult()
                        .getStatus()
                        .value();
                  },
                  pool));
        }
        start.countDown();
        for (CompletableFuture<Integer> answer : answers) {
          statuses.add(answer.get());
        }
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(statuses).allMatch(status -> status == 200 || status == 412);
    long succeeded = statuses.stream().filter(status -> status == 200).count();
    DeviceResponse device =
        underTest
            .get()
            .uri("/api/v1/devices/busy-1")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(DeviceResponse.class)
            .returnResult()
            .getResponseBody();
    assertThat(device.version()).isEqualTo(succeeded);
  }

  private void post(String uri, Map<String, Object> body) {
    underTest
        .post()
        .uri(uri)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .exchange()
        .expectStatus()
        .isCreated();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
