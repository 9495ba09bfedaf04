package org.iotplatform.sdk.internal;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.iotplatform.sdk.Backoff;
import org.iotplatform.sdk.ClientClosedException;
import org.iotplatform.sdk.OfflineBufferFullException;
import org.iotplatform.sdk.PublishReceipt;
import org.iotplatform.sdk.PublishRefusedException;
import org.iotplatform.sdk.Qos;
import org.jspecify.annotations.Nullable;

/**
 * Sends the messages of a {@link MessageStore} in order while the client is connected, at most
 * {@code maxInFlight} at a time, and keeps each until its attempt ends: delivered or refused
 * messages leave the store; any other end (connection lost, a transient refusal) makes the outbox
 * wait until no attempt is open any more and start again from the oldest message still held, so
 * messages go out in order even when a connection breaks with several in flight.
 *
 * <p>Thread-safe: everything runs under the outbox's lock; attempt results are handled on the
 * callback executor, never on the thread that started the attempt.
 */
final class Outbox {

  /** Sends one message; the future ends with how the attempt went, never exceptionally. */
  interface Sender {
    CompletableFuture<SendOutcome> send(StoredMessage message);
  }

  private record Waiting(CompletableFuture<PublishReceipt> future, @Nullable Long sequence) {}

  private final MessageStore store;
  private final Sender sender;
  private final ScheduledExecutorService timers;
  private final Executor callbacks;
  private final int maxInFlight;
  private final Backoff retryBackoff;
  private final Map<Long, Waiting> waiting = new HashMap<>(4);

  private boolean connected;
  private boolean closed;
  private boolean resync;
  private boolean retryScheduled;
  private int inFlight;
  private int retries;
  private long sendFrom;
  private long published;
  private long delivered;
  private long refused;
  private long dropped;

  Outbox(
      MessageStore store,
      Sender sender,
      ScheduledExecutorService timers,
      Executor callbacks,
      int maxInFlight,
      Backoff retryBackoff) {
    this.store = store;
    this.sender = sender;
    this.timers = timers;
    this.callbacks = callbacks;
    this.maxInFlight = maxInFlight;
    this.retryBackoff = retryBackoff;
    this.sendFrom = firstHeld();
  }

  /**
   * Buffers a message and sends it when its turn comes. The future fails at once if the buffer
   * refuses it or the outbox is closed.
   */
  synchronized CompletableFuture<PublishReceipt> add(
      String subtopic, Qos qos, byte[] payload, @Nullable Long sequence) {
    if (closed) {
      return CompletableFuture.failedFuture(new ClientClosedException("the client is closed"));
    }
    MessageStore.Appended appended;
    try {
      appended = store.append(subtopic, qos.code(), payload);
    } catch (OfflineBufferFullException e) {
      dropped++;
      return CompletableFuture.failedFuture(e);
    } catch (UncheckedIOException e) {
      // An on-disk buffer that cannot be written (disk full): this publish fails, not the caller.
      return CompletableFuture.failedFuture(e);
    }
    for (long position : appended.dropped()) {
      dropped++;
      Waiting gone = waiting.remove(position);
      if (gone != null) {
        gone.future()
            .completeExceptionally(
                new OfflineBufferFullException(
                    "the offline buffer was full; the oldest message made room for a newer one"));
      }
    }
    CompletableFuture<PublishReceipt> future = new CompletableFuture<>();
    waiting.put(appended.message().position(), new Waiting(future, sequence));
    drain();
    return future;
  }

  /** The connection is up: send what is held, from the oldest message on. */
  synchronized void connected() {
    connected = true;
    drain();
  }

  /** The connection is gone: stop sending; start again from the oldest message held. */
  synchronized void disconnected() {
    connected = false;
    resync = true;
  }

  /** Fails every waiting publish; the store keeps what it keeps (an on-disk one, everything). */
  synchronized void close() {
    closed = true;
    connected = false;
    ClientClosedException closedException =
        new ClientClosedException("the client was closed before the message was delivered");
    waiting.values().forEach(w -> w.future().completeExceptionally(closedException));
    waiting.clear();
    store.close();
  }

  synchronized long buffered() {
    return store.size();
  }

  synchronized long published() {
    return published;
  }

  synchronized long delivered() {
    return delivered;
  }

  synchronized long refused() {
    return refused;
  }

  synchronized long dropped() {
    return dropped;
  }

  private void drain() {
    if (!connected || closed || retryScheduled) {
      return;
    }
    if (resync) {
      if (inFlight > 0) {
        return; // wait for every open attempt, so nothing overtakes a message sent again
      }
      resync = false;
      sendFrom = firstHeld();
    }
    while (inFlight < maxInFlight) {
      List<StoredMessage> next = store.read(sendFrom, maxInFlight - inFlight);
      if (next.isEmpty()) {
        return;
      }
      for (StoredMessage message : next) {
        sendFrom = message.position() + 1;
        inFlight++;
        published++;
        sender
            .send(message)
            .exceptionally(e -> SendOutcome.retry(e.getMessage()))
            .thenAcceptAsync(outcome -> ended(message, outcome), callbacks);
      }
    }
  }

  private synchronized void ended(StoredMessage message, SendOutcome outcome) {
    inFlight--;
    switch (outcome.kind()) {
      case DELIVERED -> {
        retries = 0;
        delivered++;
        finish(message, w -> w.future().complete(receipt(message, w)));
      }
      case REFUSED -> {
        refused++;
        PublishRefusedException refusal =
            new PublishRefusedException(
                outcome.reasonCode(),
                String.format(
                    "the platform refused the message on %s with reason code 0x%02X%s",
                    message.subtopic(),
                    outcome.reasonCode(),
                    outcome.detail() == null ? "" : ": " + outcome.detail()));
        finish(message, w -> w.future().completeExceptionally(refusal));
      }
      case RETRY -> {
        resync = true;
        if (connected && !retryScheduled) {
          // Connected but not delivered (the platform is busy): wait before trying again.
          retryScheduled = true;
          Duration delay = retryBackoff.delay(retries++, ThreadLocalRandom.current());
          timers.schedule(this::retryNow, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
      }
    }
    drain();
  }

  private synchronized void retryNow() {
    retryScheduled = false;
    drain();
  }

  private void finish(StoredMessage message, Consumer<Waiting> completion) {
    store.release(message.position());
    Waiting w = waiting.remove(message.position());
    if (w != null) {
      // Completed outside the lock: a caller's callback may publish again.
      callbacks.execute(() -> completion.accept(w));
    }
  }

  private static PublishReceipt receipt(StoredMessage message, Waiting w) {
    return new PublishReceipt(message.subtopic(), Qos.of(message.qos()), w.sequence());
  }

  private long firstHeld() {
    List<StoredMessage> first = store.read(Long.MIN_VALUE, 1);
    return first.isEmpty() ? store.nextPosition() : first.get(0).position();
  }
}
