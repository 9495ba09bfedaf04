package org.iotplatform.simulator.profile;

import java.time.Instant;
import org.iotplatform.sdk.Heartbeat;

/**
 * The signals of one simulated device. Its values follow from the seed it was made with and the
 * instants it is asked about, so a run with the same seed and clock reads the same. Thread-safe:
 * readings come from the device's tick, heartbeats from the SDK's timer.
 */
public interface SignalProfile {

  /** The device's readings at {@code at}; instants are expected in increasing order. */
  Reading next(Instant at);

  /** The device's status now (battery, signal strength, firmware). */
  Heartbeat heartbeat();
}
