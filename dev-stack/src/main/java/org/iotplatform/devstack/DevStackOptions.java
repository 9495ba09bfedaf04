package org.iotplatform.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * How to run the stack.
 *
 * @param home the checkout, where each service's jar is found under {@code <module>/target}
 * @param varDir where all data and logs live
 * @param ports the ports of every part
 * @param services whether to start the Spring Boot services
 * @param flink whether to run the Flink jobs
 * @param fleetDevices how many simulated devices publish ({@link DemoFleet}); 0 for none, and none
 *     without the services (the registry provisions them)
 * @param serviceJvmOptions JVM options of each service's JVM
 */
record DevStackOptions(
    Path home,
    Path varDir,
    StackPorts ports,
    boolean services,
    boolean flink,
    int fleetDevices,
    List<String> serviceJvmOptions) {

  /** How many simulated devices {@code ./iot up} runs unless told otherwise. */
  static final int DEFAULT_FLEET_DEVICES = 12;

  /**
   * Small heaps and the C1 compiler only: a dev machine runs six services beside the brokers, and
   * quick start-up matters more there than peak speed.
   */
  static final List<String> DEFAULT_SERVICE_JVM_OPTIONS =
      List.of(
          "-Xms32m",
          "-Xmx128m",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-Xss512k",
          "-XX:ReservedCodeCacheSize=48m");

  /** The name of the file, in {@link #registryDir()}, that holds the admin API key. */
  static final String ADMIN_KEY_FILE_NAME = "admin-api-key";

  DevStackOptions {
    if (fleetDevices < 0) {
      throw new IllegalArgumentException("the fleet cannot have " + fleetDevices + " devices");
    }
    serviceJvmOptions = List.copyOf(serviceJvmOptions);
  }

  /**
   * The platform CA ({@link PlatformCa}) and, under {@code broker/}, the broker's TLS stores
   * ({@link BrokerTls}).
   */
  Path caDir() {
    return varDir.resolve("ca");
  }

  /** The simulated fleet's cached device credentials. */
  Path simulatorDir() {
    return varDir.resolve("simulator");
  }

  /** The registry's files: its JWT signing key ({@code jwt/}) and the admin API key. */
  Path registryDir() {
    return varDir.resolve("registry");
  }

  /**
   * The file in which the registry leaves an admin API key of the tenant {@code default}, readable
   * by its owner only: created at the first start, kept while the key works.
   */
  Path adminKeyFile() {
    return registryDir().resolve(ADMIN_KEY_FILE_NAME);
  }

  /** The executable jar of a service module, as {@code ./iot build} leaves it. */
  Path serviceJar(String module) {
    Path target = home.resolve(module).resolve("target");
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
          .findFirst()
          .orElseThrow(() -> missingJar(module));
    } catch (IOException e) {
      throw new UncheckedIOException(missingJar(module).getMessage(), e);
    }
  }

  private static IllegalStateException missingJar(String module) {
    return new IllegalStateException(
        "no executable jar of " + module + " under " + module + "/target: run ./iot build");
  }
}
