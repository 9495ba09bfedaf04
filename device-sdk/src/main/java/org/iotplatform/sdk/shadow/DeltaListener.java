package org.iotplatform.sdk.shadow;

/** Receives the desired state a device has not reported yet. */
@FunctionalInterface
public interface DeltaListener {

  /**
   * Called on the client's callback executor, once per shadow version, never for a version older
   * than one already seen. The device applies what it can and reports the result back.
   */
  void onDelta(ShadowDelta delta);
}
