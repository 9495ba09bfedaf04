package org.iotplatform.alerts.alert;

/** Where an alert is in its lifecycle. */
public enum AlertState {
  /** Fired, nobody has acknowledged it yet. */
  ACTIVE,
  /** An operator has seen it; it is still going on. */
  ACKNOWLEDGED,
  /** Its condition cleared (or its rule went away); nothing changes it any more. */
  RESOLVED
}
