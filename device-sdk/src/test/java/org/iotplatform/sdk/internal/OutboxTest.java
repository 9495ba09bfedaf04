package org.iotplatform.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.iotplatform.sdk.Backoff;
import org.iotplatform.sdk.ClientClosedException;
import org.iotplatform.sdk.OfflineBuffer.Overflow;
import org.iotplatform.sdk.OfflineBufferFullException;
import org.iotplatform.sdk.PublishReceipt;
import org.iotplatform.sdk.PublishRefusedException;
import org.iotplatform.sdk.Qos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The outbox's ordering rules, with a sender whose attempts the test ends by hand. */
class OutboxTest {

  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
  private final List<String> sentPayloads = new CopyOnWriteArrayList<>();
  private final Queue<CompletableFuture<SendOutcome>> open = new ConcurrentLinkedQueue<>();
  private final Outbox.Sender sender =
      message -> {
        sentPayloads.add(new String(message.payload()));
        CompletableFuture<SendOutcome> attempt = new CompletableFuture<>();
        open.add(attempt);
        return attempt;
      };

  private Outbox underTest = outbox(100, Overflow.DROP_OLDEST, 4);

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private Outbox outbox(int capacity, Overflow overflow, int maxInFlight) {
    return new Outbox(
        new MemoryMessageStore(capacity, overflow),
        sender,
        executor,
        executor,
        maxInFlight,
        new Backoff(Duration.ofMillis(10), Duration.ofMillis(50)));
  }

  private List<CompletableFuture<PublishReceipt>> add(int from, int to) {
    List<CompletableFuture<PublishReceipt>> futures = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      futures.add(underTest.add("telemetry", Qos.AT_LEAST_ONCE, ("m" + i).getBytes(), (long) i));
    }
    return futures;
  }

  private void endOpenAttempts(SendOutcome outcome) {
    CompletableFuture<SendOutcome> attempt;
    while ((attempt = open.poll()) != null) {
      attempt.complete(outcome);
    }
  }

  @Test
  void holdsMessagesWhileOfflineAndSendsThemInOrderWithinTheWindow() {
    List<CompletableFuture<PublishReceipt>> futures = add(1, 6);
    assertThat(sentPayloads).isEmpty();

    underTest.connected();

    assertThat(sentPayloads).containsExactly("m1", "m2", "m3", "m4"); // window of 4
    endOpenAttempts(SendOutcome.DELIVERED);
    await().untilAsserted(() -> assertThat(sentPayloads).hasSize(6));
    endOpenAttempts(SendOutcome.DELIVERED);
    await().until(() -> futures.stream().allMatch(CompletableFuture::isDone));
    assertThat(futures.get(5).join().sequence()).isEqualTo(6L);
    assertThat(underTest.buffered()).isZero();
  }

  @Test
  void aBrokenConnectionResendsEveryUnacknowledgedMessageInOrderAfterTheReconnect() {
    List<CompletableFuture<PublishReceipt>> futures = add(1, 4);
    underTest.connected();
    underTest.disconnected();
    // m2 was acknowledged just before the connection broke; the others were lost with it.
    List<CompletableFuture<SendOutcome>> attempts = new ArrayList<>(open);
    open.clear();
    attempts.get(1).complete(SendOutcome.DELIVERED);
    attempts.get(0).complete(SendOutcome.retry("connection closed"));
    attempts.get(2).complete(SendOutcome.retry("connection closed"));
    attempts.get(3).complete(SendOutcome.retry("connection closed"));
    await().until(() -> futures.get(1).isDone());

    underTest.connected();

    await().untilAsserted(() -> assertThat(sentPayloads).hasSize(7));
    assertThat(sentPayloads.subList(4, 7)).containsExactly("m1", "m3", "m4");
    endOpenAttempts(SendOutcome.DELIVERED);
    await().until(() -> futures.stream().allMatch(CompletableFuture::isDone));
    assertThat(futures).allMatch(f -> !f.isCompletedExceptionally());
  }

  @Test
  void nothingIsSentAgainBeforeEveryOpenAttemptHasEnded() {
    add(1, 2);
    underTest.connected();
    underTest.disconnected();
    underTest.connected(); // reconnected while m1 and m2 are still open

    add(3, 3);

    assertThat(sentPayloads).containsExactly("m1", "m2");
  }

  @Test
  void aRefusedMessageFailsItsPublishAndLeavesTheBuffer() {
    List<CompletableFuture<PublishReceipt>> futures = add(1, 2);
    underTest.connected();
    List<CompletableFuture<SendOutcome>> attempts = new ArrayList<>(open);
    open.clear();

    attempts.get(0).complete(SendOutcome.refused(0x99, "payload format invalid"));
    attempts.get(1).complete(SendOutcome.DELIVERED);

    await().until(() -> futures.get(0).isDone() && futures.get(1).isDone());
    assertThat(futures.get(0))
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOf(PublishRefusedException.class)
        .withMessageContaining("0x99");
    assertThat(futures.get(1)).isCompleted();
    assertThat(underTest.buffered()).isZero();
    assertThat(underTest.refused()).isEqualTo(1);
  }

  @Test
  void aTransientRefusalWhileConnectedIsRetriedAfterABackOff() {
    List<CompletableFuture<PublishReceipt>> futures = add(1, 1);
    underTest.connected();

    endOpenAttempts(SendOutcome.retry("reason code 131"));

    await().untilAsserted(() -> assertThat(sentPayloads).containsExactly("m1", "m1"));
    endOpenAttempts(SendOutcome.DELIVERED);
    await().until(() -> futures.get(0).isDone());
    assertThat(futures.get(0)).isCompleted();
  }

  @Test
  void aFullBufferDropsTheOldestAndFailsItsPublish() {
    underTest = outbox(3, Overflow.DROP_OLDEST, 4);

    List<CompletableFuture<PublishReceipt>> futures = add(1, 4);

    await().until(() -> futures.get(0).isDone());
    assertThat(futures.get(0))
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .havingCause()
        .isInstanceOf(OfflineBufferFullException.class);
    assertThat(futures.subList(1, 4)).noneMatch(CompletableFuture::isDone);
    assertThat(underTest.dropped()).isEqualTo(1);
  }

  @Test
  void closingFailsWhatIsStillWaiting() {
    List<CompletableFuture<PublishReceipt>> futures = add(1, 2);

    underTest.close();

    assertThat(futures)
        .allSatisfy(
            f ->
                assertThat(f)
                    .failsWithin(Duration.ZERO)
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause()
                    .isInstanceOf(ClientClosedException.class));
    assertThat(underTest.add("telemetry", Qos.AT_MOST_ONCE, new byte[1], null))
        .isCompletedExceptionally();
  }
}
