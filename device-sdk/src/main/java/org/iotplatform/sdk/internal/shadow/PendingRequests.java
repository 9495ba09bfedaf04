package org.iotplatform.sdk.internal.shadow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.iotplatform.sdk.shadow.ShadowRetry;
import org.iotplatform.sdk.shadow.ShadowTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Shadow requests of one kind waiting for their answers, by client token. An attempt's timer starts
 * when the platform acknowledged the request (time in the offline buffer does not count); when it
 * runs out, or the connection is lost after the acknowledgement, the request is sent again with the
 * same token, up to {@link ShadowRetry#attempts()} sends. A request still waiting for its
 * acknowledgement when the connection breaks needs nothing: the offline buffer sends it again.
 *
 * <p>Thread-safe; futures are completed outside the lock.
 *
 * @param <T> what an answer completes a request with
 */
final class PendingRequests<T> {

  /** Publishes a request at QoS 1; the future completes at the acknowledgement. */
  interface Sender {
    CompletableFuture<?> send(String subtopic, byte[] payload);
  }

  /** Runs a task after a delay; the returned action cancels it. */
  interface Timers {
    Runnable schedule(Duration delay, Runnable task);
  }

  private final class Request {
    final String token;
    final String subtopic;
    final Supplier<byte[]> payload;
    final CompletableFuture<T> future = new CompletableFuture<>();
    int attempts;
    @Nullable Runnable cancelTimer;
    boolean resendWhenReady;

    Request(String token, String subtopic, Supplier<byte[]> payload) {
      this.token = token;
      this.subtopic = subtopic;
      this.payload = payload;
    }
  }

  private final Sender sender;
  private final Timers timers;
  private final ShadowRetry retry;
  private final Map<String, Request> pending = new HashMap<>();

  PendingRequests(Sender sender, Timers timers, ShadowRetry retry) {
    this.sender = sender;
    this.timers = timers;
    this.retry = retry;
  }

  /** Sends a request and returns the future its answer completes. */
  CompletableFuture<T> start(String token, String subtopic, byte[] payload) {
    return start(token, subtopic, () -> payload);
  }

  /**
   * Sends a request whose payload is built for each send: a report sent again carries the values
   * the device reported last, not older ones (see {@code ReportedState}).
   */
  CompletableFuture<T> start(String token, String subtopic, Supplier<byte[]> payload) {
    Request request = new Request(token, subtopic, payload);
    synchronized (this) {
      pending.put(token, request);
    }
    send(request);
    return request.future;
  }

  /** Completes the request of {@code token} with its answer; false if none waits. */
  boolean complete(@Nullable String token, T answer) {
    Request request = remove(token);
    return request != null && request.future.complete(answer);
  }

  /** Fails the request of {@code token}; false if none waits. */
  boolean fail(@Nullable String token, Throwable error) {
    Request request = remove(token);
    return request != null && request.future.completeExceptionally(error);
  }

  /**
   * Sends the request of {@code token} again if it has attempts left (a transient refusal), or
   * fails it with {@code error}.
   */
  void retryOrFail(@Nullable String token, Throwable error) {
    Request request;
    boolean again;
    synchronized (this) {
      request = token == null ? null : pending.get(token);
      if (request == null) {
        return;
      }
      cancelTimer(request);
      again = request.attempts < retry.attempts();
      if (!again) {
        pending.remove(token);
      }
    }
    if (again) {
      send(request);
    } else {
      request.future.completeExceptionally(error);
    }
  }

  /** Whether a request with {@code token} still waits for its answer. */
  synchronized boolean isPending(String token) {
    return pending.containsKey(token);
  }

  /**
   * The connection is lost: an acknowledged request's answer may be lost with it, so it is sent
   * again when the connection is {@link #ready()}.
   */
  synchronized void connectionLost() {
    for (Request request : pending.values()) {
      if (request.cancelTimer != null) {
        cancelTimer(request);
        request.resendWhenReady = true;
      }
    }
  }

  /** A new connection is ready: sends again what {@link #connectionLost()} marked. */
  void ready() {
    List<Request> again = new ArrayList<>();
    List<Request> exhausted = new ArrayList<>();
    synchronized (this) {
      for (Request request : List.copyOf(pending.values())) {
        if (request.resendWhenReady) {
          request.resendWhenReady = false;
          if (request.attempts < retry.attempts()) {
            again.add(request);
          } else {
            pending.remove(request.token);
            exhausted.add(request);
          }
        }
      }
    }
    again.forEach(this::send);
    exhausted.forEach(request -> request.future.completeExceptionally(timeout(request)));
  }

  /** Fails every waiting request. */
  void failAll(Throwable error) {
    List<Request> all;
    synchronized (this) {
      all = List.copyOf(pending.values());
      all.forEach(this::cancelTimer);
      pending.clear();
    }
    all.forEach(request -> request.future.completeExceptionally(error));
  }

  private void send(Request request) {
    int attempt;
    synchronized (this) {
      attempt = ++request.attempts;
    }
    sender
        .send(request.subtopic, request.payload.get())
        .whenComplete(
            (acknowledged, error) -> {
              if (error != null) {
                // Refused by the broker, dropped from a full buffer, or the client closed.
                if (isCurrent(request, attempt)) {
                  fail(request.token, error);
                }
              } else {
                acknowledged(request, attempt);
              }
            });
  }

  private synchronized void acknowledged(Request request, int attempt) {
    if (isCurrent(request, attempt)) {
      request.cancelTimer = timers.schedule(retry.timeout(), () -> timedOut(request, attempt));
    }
  }

  private void timedOut(Request request, int attempt) {
    boolean again;
    synchronized (this) {
      if (!isCurrent(request, attempt) || request.cancelTimer == null) {
        return;
      }
      request.cancelTimer = null;
      again = request.attempts < retry.attempts();
      if (!again) {
        pending.remove(request.token);
      }
    }
    if (again) {
      send(request);
    } else {
      request.future.completeExceptionally(timeout(request));
    }
  }

  private ShadowTimeoutException timeout(Request request) {
    return new ShadowTimeoutException(
        "no answer to shadow request "
            + request.token
            + " on "
            + request.subtopic
            + " after "
            + request.attempts
            + " attempts of "
            + retry.timeout().toMillis()
            + " ms");
  }

  private synchronized boolean isCurrent(Request request, int attempt) {
    return pending.get(request.token) == request && request.attempts == attempt;
  }

  private synchronized @Nullable Request remove(@Nullable String token) {
    Request request = token == null ? null : pending.remove(token);
    if (request != null) {
      cancelTimer(request);
    }
    return request;
  }

  private void cancelTimer(Request request) {
    Runnable cancel = request.cancelTimer;
    request.cancelTimer = null;
    if (cancel != null) {
      cancel.run();
    }
  }
}
