package org.iotplatform.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.iotplatform.servers.FreePorts;
import org.iotplatform.servers.HiveMqServer;
import org.iotplatform.testsupport.TestDevices;
import org.junit.jupiter.api.Test;

/**
 * A fleet that loses its broker at the same moment comes back spread over the back-off window, not
 * all at once (full jitter).
 */
class ReconnectSpreadIT {

  private static final int DEVICES = 200;
  private static final Duration WINDOW = Duration.ofSeconds(4);

  @Test
  void aFleetReconnectsSpreadOverTheBackoffWindow() throws Exception {
    int port = FreePorts.pick();
    HiveMqServer broker = HiveMqServer.builder().mqttPort(port).start();
    ScheduledExecutorService executor = Executors.newScheduledThreadPool(2);
    List<Duration> firstDelays = new CopyOnWriteArrayList<>();
    List<Long> reconnectedAt = new CopyOnWriteArrayList<>();
    List<DeviceClient> fleet = new ArrayList<>();
    long[] restartedAt = new long[1];
    try {
      for (String id : TestDevices.create(DEVICES)) {
        boolean[] first = {true};
        fleet.add(
            DeviceClient.builder()
                .deviceId(id)
                .endpoint("127.0.0.1", port)
                .token("any-token")
                // The same window for every attempt, so each delay is uniform over it.
                .reconnectBackoff(new Backoff(WINDOW, WINDOW))
                .executor(executor)
                .connectionListener(
                    new ConnectionListener() {
                      @Override
                      public void connected(Endpoint endpoint) {
                        if (restartedAt[0] != 0) {
                          reconnectedAt.add(System.nanoTime());
                        }
                      }

                      @Override
                      public void disconnected(Throwable cause, Duration reconnectIn) {
                        if (first[0]) {
                          first[0] = false;
                          firstDelays.add(reconnectIn);
                        }
                      }
                    })
                .build());
      }
      CompletableFuture.allOf(
              fleet.stream().map(DeviceClient::connect).toArray(CompletableFuture[]::new))
          .get(60, TimeUnit.SECONDS);

      broker.close();
      await().atMost(Duration.ofSeconds(30)).until(() -> firstDelays.size() == DEVICES);
      restartedAt[0] = System.nanoTime();
      broker = HiveMqServer.builder().mqttPort(port).start();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> fleet.stream().allMatch(d -> d.state() == ConnectionState.CONNECTED));

      // Each quarter of the window holds about a quarter of the fleet's first delays.
      int[] quarters = new int[4];
      for (Duration delay : firstDelays) {
        assertThat(delay).isBetween(Duration.ZERO, WINDOW);
        quarters[(int) Math.min(3, delay.toNanos() * 4 / WINDOW.toNanos())]++;
      }
      System.out.printf(
          "first reconnect delays of %d devices by quarter of %s: %s%n",
          DEVICES, WINDOW, java.util.Arrays.toString(quarters));
      for (int quarter : quarters) {
        assertThat(quarter).isBetween(DEVICES / 4 - 30, DEVICES / 4 + 30);
      }
      printSpread(reconnectedAt, restartedAt[0]);
    } finally {
      fleet.forEach(DeviceClient::close);
      executor.shutdownNow();
      broker.close();
    }
  }

  private static void printSpread(List<Long> reconnectedAt, long restartedAt) {
    int[] seconds = new int[10];
    for (long at : reconnectedAt) {
      seconds[(int) Math.min(9, Math.max(0, (at - restartedAt) / 1_000_000_000L))]++;
    }
    System.out.println(
        "reconnects per second after the broker came back: " + java.util.Arrays.toString(seconds));
  }
}
