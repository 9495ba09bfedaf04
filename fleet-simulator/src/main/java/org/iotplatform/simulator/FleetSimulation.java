package org.iotplatform.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.iotplatform.simulator.stats.HeapMeter;
import org.iotplatform.simulator.stats.SimulationStats;

/**
 * A simulated fleet in this JVM: one {@code DeviceClient} per device, all on one shared scheduler.
 * Devices start evenly spread over the ramp, and their publishes are spread over the interval, so
 * that neither the connects nor the messages come as a thundering herd.
 *
 * <pre>{@code
 * List<DeviceCredential> devices = provisioner.provision(plan); // or credentials of your own
 * try (RunningSimulation fleet =
 *     new FleetSimulation(SimulationConfig.defaults(List.of(new Endpoint("127.0.0.1", 11883))),
 *         devices).start()) {
 *   ...
 *   System.out.println(fleet.summary().toLine());
 * }
 * }</pre>
 */
public final class FleetSimulation {

  // The golden ratio spreads any number of devices evenly over the interval, in index order.
  private static final double GOLDEN_FRACTION = 0.6180339887498949;

  private final SimulationConfig config;
  private final List<DeviceCredential> credentials;

  /**
   * @param config how to simulate
   * @param credentials one per device, e.g. from {@code RegistryProvisioner}
   */
  public FleetSimulation(SimulationConfig config, List<DeviceCredential> credentials) {
    if (credentials.isEmpty()) {
      throw new IllegalArgumentException("a fleet needs at least one device");
    }
    this.config = config;
    this.credentials = List.copyOf(credentials);
  }

  /** The ids {@code <prefix>00001} to {@code <prefix><count>}, at least five digits. */
  public static List<String> deviceIds(String prefix, int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(index -> prefix + String.format(Locale.ROOT, "%05d", index))
        .toList();
  }

  /** Starts the devices (over the ramp) and returns at once. */
  public RunningSimulation start() {
    HeapMeter heap = new HeapMeter();
    heap.baseline();
    int devices = credentials.size();
    SimulationStats stats = new SimulationStats(devices, System.nanoTime());
    ScheduledThreadPoolExecutor executor = scheduler(config.threads());
    // Callbacks apart from the scheduler: its delay queue holds every device's periodic tasks, and
    // each task handed to it would be sorted into that queue.
    ExecutorService callbacks = callbackPool(config.threads());
    List<SimulatedDevice> fleet = new ArrayList<>(devices);
    long rampNanos = config.ramp().toNanos();
    long intervalNanos = config.interval().toNanos();
    for (int index = 0; index < devices; index++) {
      SimulatedDevice device =
          new SimulatedDevice(credentials.get(index), config, stats, executor, callbacks);
      fleet.add(device);
      long startAt = rampNanos / devices * index;
      long phase = (long) (intervalNanos * ((index * GOLDEN_FRACTION) % 1.0));
      executor.schedule(device::start, startAt, TimeUnit.NANOSECONDS);
      executor.scheduleAtFixedRate(
          device::tick, startAt + phase, intervalNanos, TimeUnit.NANOSECONDS);
    }
    executor.scheduleWithFixedDelay(
        () -> {
          if (!heap.measured() && stats.connectedNow() >= devices) {
            heap.loaded();
          }
        },
        1,
        1,
        TimeUnit.SECONDS);
    return new RunningSimulation(fleet, executor, callbacks, stats, heap);
  }

  private static ExecutorService callbackPool(int threads) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        task -> {
          Thread thread = new Thread(task, "simulator-callback-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  private static ScheduledThreadPoolExecutor scheduler(int threads) {
    AtomicInteger count = new AtomicInteger();
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            threads,
            task -> {
              Thread thread = new Thread(task, "simulator-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    // Closed clients cancel their timers: keep the queue from holding them until they are due.
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
