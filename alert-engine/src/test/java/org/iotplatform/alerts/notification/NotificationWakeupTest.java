package org.iotplatform.alerts.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

class NotificationWakeupTest {

  private final NotificationWakeup underTest = new NotificationWakeup();
  private final AtomicInteger rounds = new AtomicInteger();

  @Test
  void wakesAtOnceOutsideATransaction() {
    underTest.onWake(rounds::incrementAndGet);

    underTest.wakeAfterCommit();

    assertThat(rounds).hasValue(1);
  }

  @Test
  void wakesOnlyOnceTheTransactionCommitted() {
    underTest.onWake(rounds::incrementAndGet);
    TransactionSynchronizationManager.initSynchronization();
    try {
      underTest.wakeAfterCommit();
      assertThat(rounds).as("before the commit: the rows are not visible yet").hasValue(0);

      TransactionSynchronizationUtils.triggerAfterCommit();

      assertThat(rounds).hasValue(1);
    } finally {
      TransactionSynchronizationManager.clearSynchronization();
    }
  }

  @Test
  void doesNothingBeforeASchedulerListens() {
    underTest.wake();

    assertThat(rounds).hasValue(0);
  }
}
