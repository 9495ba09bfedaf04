package org.iotplatform.bridge.internal.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PendingAcksTest {

  private final PendingAcks underTest = new PendingAcks();

  @Test
  void findsAnOpenEntryByClientAndPacketId() {
    PendingAcks.Pending entry = underTest.open("d-1", 7);

    assertThat(underTest.find("d-1", 7)).isSameAs(entry);
    assertThat(underTest.find("d-1", 8)).isNull();
    assertThat(underTest.find("d-2", 7)).isNull();
    assertThat(entry.clientId()).isEqualTo("d-1");
    assertThat(entry.released()).isNotDone();
  }

  @Test
  void storedReleasesTheEntryAndRemovesIt() {
    PendingAcks.Pending entry = underTest.open("d-1", 7);

    underTest.stored(entry);

    assertThat(entry.released()).isCompleted();
    assertThat(underTest.find("d-1", 7)).isNull();
    assertThat(underTest.size()).isZero();
  }

  @Test
  void refusedReleasesTheEntryOnlyOnceTheClientIsDisconnected() {
    PendingAcks.Pending entry = underTest.open("d-1", 7);
    CompletableFuture<Boolean> disconnected = new CompletableFuture<>();

    underTest.refused(entry, disconnected);

    assertThat(entry.released()).isNotDone();
    assertThat(underTest.find("d-1", 7)).isSameAs(entry);
    disconnected.complete(true);
    assertThat(entry.released()).isCompleted();
    assertThat(underTest.find("d-1", 7)).isNull();
  }

  @Test
  void refusedReleasesTheEntryAlsoWhenTheDisconnectFails() {
    PendingAcks.Pending entry = underTest.open("d-1", 7);
    CompletableFuture<Boolean> disconnected = new CompletableFuture<>();

    underTest.refused(entry, disconnected);
    assertThat(entry.released()).isNotDone();
    disconnected.completeExceptionally(new IllegalStateException("broker stopping"));

    // The PUBACK is let go, not failed: the gate only waits for the release.
    assertThat(entry.released()).isCompleted();
    assertThat(underTest.find("d-1", 7)).isNull();
  }

  @Test
  void refusedWithADisconnectDoneAlreadyReleasesAtOnce() {
    PendingAcks.Pending entry = underTest.open("d-1", 7);

    underTest.refused(entry, CompletableFuture.completedFuture(false));

    assertThat(entry.released()).isCompleted();
    assertThat(underTest.size()).isZero();
  }

  @Test
  void theReleaseOfAnOlderEntryLeavesTheReopenedOneForTheSameKey() {
    PendingAcks.Pending older = underTest.open("d-1", 7);
    PendingAcks.Pending newer = underTest.open("d-1", 7);
    assertThat(underTest.find("d-1", 7)).isSameAs(newer);

    underTest.stored(older);

    assertThat(older.released()).isCompleted();
    assertThat(newer.released()).isNotDone();
    assertThat(underTest.find("d-1", 7)).isSameAs(newer);
    assertThat(underTest.size()).isEqualTo(1);
  }

  @Test
  void theRefusalOfAnOlderEntryLeavesTheReopenedOneForTheSameKey() {
    PendingAcks.Pending older = underTest.open("d-1", 7);
    CompletableFuture<Boolean> disconnected = new CompletableFuture<>();
    underTest.refused(older, disconnected);
    PendingAcks.Pending newer = underTest.open("d-1", 7);

    disconnected.complete(true);

    assertThat(older.released()).isCompleted();
    assertThat(newer.released()).isNotDone();
    assertThat(underTest.find("d-1", 7)).isSameAs(newer);
  }

  @Test
  void sizeCountsTheEntriesNotReleased() {
    assertThat(underTest.size()).isZero();
    PendingAcks.Pending first = underTest.open("d-1", 1);
    underTest.open("d-1", 2);
    underTest.open("d-2", 1);
    assertThat(underTest.size()).isEqualTo(3);

    underTest.stored(first);
    underTest.refused(underTest.find("d-2", 1), new CompletableFuture<>());

    assertThat(underTest.size()).isEqualTo(2);
  }
}
