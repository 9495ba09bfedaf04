package org.iotplatform.sdk.internal.shadow;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.iotplatform.sdk.ClientClosedException;
import org.iotplatform.sdk.PublishRefusedException;
import org.iotplatform.sdk.shadow.ShadowRejectedException;
import org.iotplatform.sdk.shadow.ShadowRetry;
import org.iotplatform.sdk.shadow.ShadowTimeoutException;
import org.junit.jupiter.api.Test;

class PendingRequestsTest {

  /** A publish the test acknowledges (or fails) by hand. */
  private record Sent(String subtopic, String payload, CompletableFuture<Object> ack) {}

  /** A timer the test fires by hand. */
  private static final class Timer {
    final Runnable task;
    boolean cancelled;

    Timer(Runnable task) {
      this.task = task;
    }
  }

  private final List<Sent> sent = new ArrayList<>();
  private final List<Timer> timers = new ArrayList<>();
  private final PendingRequests<String> underTest =
      new PendingRequests<>(
          (subtopic, payload) -> {
            CompletableFuture<Object> ack = new CompletableFuture<>();
            sent.add(new Sent(subtopic, new String(payload, UTF_8), ack));
            return ack;
          },
          (delay, task) -> {
            Timer timer = new Timer(task);
            timers.add(timer);
            return () -> timer.cancelled = true;
          },
          new ShadowRetry(Duration.ofSeconds(5), 3));

  @Test
  void completesTheRequestWhoseTokenTheAnswerCarries() {
    CompletableFuture<String> first = underTest.start("t-1", "shadow/get", bytes("one"));
    CompletableFuture<String> second = underTest.start("t-2", "shadow/get", bytes("two"));

    assertThat(underTest.complete("t-2", "answer two")).isTrue();

    assertThat(second).isCompletedWithValue("answer two");
    assertThat(first).isNotDone();
    assertThat(underTest.isPending("t-1")).isTrue();
  }

  @Test
  void ignoresAnAnswerWithAnUnknownOrNoToken() {
    CompletableFuture<String> request = underTest.start("t-1", "shadow/get", bytes("one"));

    assertThat(underTest.complete("someone-else", "x")).isFalse();
    assertThat(underTest.complete(null, "x")).isFalse();

    assertThat(request).isNotDone();
  }

  @Test
  void startsTheTimeoutOnlyWhenThePlatformAcknowledgedTheRequest() {
    underTest.start("t-1", "shadow/get", bytes("one"));

    assertThat(timers).isEmpty();
    sent.get(0).ack().complete(null);

    assertThat(timers).hasSize(1);
  }

  @Test
  void sendsTheSameRequestAgainWhenItsTimeRunsOut() {
    CompletableFuture<String> request = underTest.start("t-1", "shadow/update", bytes("report"));
    sent.get(0).ack().complete(null);

    timers.get(0).task.run();

    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).payload()).isEqualTo("report");
    underTest.complete("t-1", "accepted");
    assertThat(request).isCompletedWithValue("accepted");
    assertThat(timers.get(0).cancelled).isFalse(); // it had fired
  }

  @Test
  void failsWithATimeoutAfterTheLastAttempt() {
    CompletableFuture<String> request = underTest.start("t-1", "shadow/get", bytes("one"));
    for (int attempt = 0; attempt < 3; attempt++) {
      sent.get(attempt).ack().complete(null);
      timers.get(attempt).task.run();
    }

    assertThat(sent).hasSize(3);
    assertThat(request)
        .isCompletedExceptionally()
        .failsWithin(Duration.ZERO)
        .withThrowableThat()
        .havingCause()
        .isInstanceOf(ShadowTimeoutException.class)
        .withMessageContaining("after 3 attempts");
    assertThat(underTest.isPending("t-1")).isFalse();
  }

  @Test
  void sendsAnAcknowledgedRequestAgainWhenTheNextConnectionIsReady() {
    CompletableFuture<String> request = underTest.start("t-1", "shadow/get", bytes("one"));
    sent.get(0).ack().complete(null);

    underTest.connectionLost();
    assertThat(timers.get(0).cancelled).isTrue();
    assertThat(sent).hasSize(1);
    underTest.ready();

    assertThat(sent).hasSize(2);
    underTest.complete("t-1", "document");
    assertThat(request).isCompletedWithValue("document");
  }

  @Test
  void leavesARequestNotAcknowledgedYetToTheOfflineBuffer() {
    underTest.start("t-1", "shadow/get", bytes("one"));

    underTest.connectionLost();
    underTest.ready();

    assertThat(sent).hasSize(1);
  }

  @Test
  void aTimerOfAnEarlierAttemptChangesNothing() {
    CompletableFuture<String> request = underTest.start("t-1", "shadow/get", bytes("one"));
    sent.get(0).ack().complete(null);
    underTest.connectionLost();
    underTest.ready();

    timers.get(0).task.run(); // cancelled, but ran anyway

    assertThat(sent).hasSize(2);
    assertThat(request).isNotDone();
  }

  @Test
  void failsWithTheRefusalWhenThePublishIsRefused() {
    CompletableFuture<String> request = underTest.start("t-1", "shadow/update", bytes("one"));

    sent.get(0).ack().completeExceptionally(new PublishRefusedException(0x87, "not authorized"));

    assertThat(request)
        .failsWithin(Duration.ZERO)
        .withThrowableThat()
        .havingCause()
        .isInstanceOf(PublishRefusedException.class);
  }

  @Test
  void failsARejectedRequestWithoutSendingItAgain() {
    CompletableFuture<String> request = underTest.start("t-1", "shadow/update", bytes("one"));
    sent.get(0).ack().complete(null);

    underTest.fail("t-1", new ShadowRejectedException(409, "shadow.version-conflict", "v8"));

    assertThat(request)
        .failsWithin(Duration.ZERO)
        .withThrowableThat()
        .havingCause()
        .isInstanceOf(ShadowRejectedException.class);
    assertThat(sent).hasSize(1);
    assertThat(timers.get(0).cancelled).isTrue();
  }

  @Test
  void sendsARequestAgainAfterATransientRefusalWhileAttemptsRemain() {
    CompletableFuture<String> request = underTest.start("t-1", "shadow/update", bytes("one"));
    sent.get(0).ack().complete(null);
    ShadowRejectedException busy = new ShadowRejectedException(503, "shadow.unavailable", "busy");

    underTest.retryOrFail("t-1", busy);
    sent.get(1).ack().complete(null);
    underTest.retryOrFail("t-1", busy);
    sent.get(2).ack().complete(null);
    underTest.retryOrFail("t-1", busy);

    assertThat(sent).hasSize(3);
    assertThat(request).failsWithin(Duration.ZERO).withThrowableThat().havingCause().isSameAs(busy);
  }

  @Test
  void failsEveryWaitingRequestWhenTheClientCloses() {
    CompletableFuture<String> first = underTest.start("t-1", "shadow/get", bytes("one"));
    CompletableFuture<String> second = underTest.start("t-2", "shadow/get", bytes("two"));

    underTest.failAll(new ClientClosedException("closed"));

    assertThat(first).isCompletedExceptionally();
    assertThat(second).isCompletedExceptionally();
    assertThat(underTest.isPending("t-1")).isFalse();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }
}
