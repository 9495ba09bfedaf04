package org.iotplatform.alerts.notification;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Asks the scheduler for a round now rather than at its next poll: when notifications were written
 * (once their transaction committed) and when a channel finished an attempt (its next delivery may
 * be due). The poll interval then only bounds how late retries and group windows are handled.
 */
final class NotificationWakeup {

  private volatile Runnable action = () -> {};

  /** What {@link #wake()} does: the scheduler's round, once it runs. */
  void onWake(Runnable action) {
    this.action = action;
  }

  /** Wakes the scheduler. */
  void wake() {
    action.run();
  }

  /** Wakes the scheduler after the current transaction commits, or now outside of one. */
  void wakeAfterCommit() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      wake();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            wake();
          }
        });
  }
}
