package org.iotplatform.sdk.internal.shadow;

import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.iotplatform.sdk.shadow.DeltaListener;
import org.iotplatform.sdk.shadow.ShadowDelta;
import org.jspecify.annotations.Nullable;

/**
 * Hands deltas that pass the {@link VersionGate} to the listener, one at a time (the gate check and
 * the call under one lock, so two deltas handled on two threads reach the listener in version
 * order). Until a listener is set, the newest admitted delta is held for it.
 */
final class DeltaDelivery {

  private static final Logger LOG = Logger.getLogger(DeltaDelivery.class.getName());

  private final VersionGate gate;
  private final Executor callbacks;
  private @Nullable DeltaListener listener;
  private @Nullable ShadowDelta held;

  DeltaDelivery(VersionGate gate, Executor callbacks) {
    this.gate = gate;
    this.callbacks = callbacks;
  }

  /** Sets the listener; a held delta is handed to it on the callback executor. */
  synchronized void listener(DeltaListener newListener) {
    listener = newListener;
    if (held != null) {
      callbacks.execute(this::deliverHeld);
    }
  }

  /** Offers a delta; returns whether it passed the gate. */
  synchronized boolean offer(ShadowDelta delta) {
    if (!gate.admit(delta.version())) {
      return false;
    }
    if (listener == null) {
      held = delta;
    } else {
      held = null;
      call(listener, delta);
    }
    return true;
  }

  private synchronized void deliverHeld() {
    ShadowDelta delta = held;
    DeltaListener current = listener;
    if (delta != null && current != null) {
      held = null;
      call(current, delta);
    }
  }

  private static void call(DeltaListener listener, ShadowDelta delta) {
    try {
      listener.onDelta(delta);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the shadow delta listener failed on version " + delta.version(), e);
    }
  }
}
