package org.iotplatform.sdk.internal;

import java.util.List;
import org.iotplatform.sdk.Endpoint;

/**
 * The endpoints in the order a device tries them: its home endpoint first, picked by a stable hash
 * of the device id ({@code String.hashCode}, the same in every JVM), so a fleet spreads evenly and
 * a device always starts at the same broker; then the following ones, round the ring.
 */
final class EndpointRing {

  private final List<Endpoint> endpoints;
  private int current;

  EndpointRing(List<Endpoint> endpoints, String deviceId) {
    this.endpoints = List.copyOf(endpoints);
    this.current = home(deviceId, endpoints.size());
  }

  static int home(String deviceId, int endpointCount) {
    return Math.floorMod(deviceId.hashCode(), endpointCount);
  }

  synchronized Endpoint current() {
    return endpoints.get(current);
  }

  /** Moves to the next endpoint (after a failed attempt) and returns it. */
  synchronized Endpoint next() {
    current = (current + 1) % endpoints.size();
    return endpoints.get(current);
  }
}
