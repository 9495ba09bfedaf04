package org.iotplatform.shadow.management;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.iotplatform.contracts.KafkaTopics;
import org.iotplatform.contracts.ShadowTopic;
import org.iotplatform.contracts.ShadowTopic.Operation;
import org.iotplatform.contracts.ShadowTopic.Response;
import org.iotplatform.shadow.document.ShadowDocument;
import org.iotplatform.shadow.document.ShadowLimits;
import org.iotplatform.shadow.document.ShadowMessages;
import org.iotplatform.shadow.document.ShadowRejectedException;
import org.iotplatform.shadow.document.ShadowRejection;
import org.iotplatform.shadow.document.ShadowUpdate;
import org.iotplatform.shadow.fleet.IndexChanges;
import org.iotplatform.shadow.fleet.ShadowIndex;
import org.iotplatform.shadow.store.OutboxEntry;
import org.iotplatform.shadow.store.ShadowCommit;
import org.iotplatform.shadow.store.ShadowKey;
import org.iotplatform.shadow.store.ShadowStore;
import org.iotplatform.shadow.store.StoredShadow;
import org.jspecify.annotations.Nullable;

/**
 * Gets, updates and deletes shadows for devices and operators alike. A change is computed in Java
 * from the stored document and written by {@link ShadowStore#commit} only if no other change came
 * in between; otherwise it is computed again from the newer document (an update that names a
 * version then fails with a conflict, one without is simply merged into the newer state).
 *
 * <p>Every change sends, atomically with it through the store's outbox: the device's {@code
 * /update/accepted} (or {@code /delete/accepted}), the full delta on {@code /update/delta} when the
 * change touched desired state and a delta remains, {@code /update/documents}, and a record on
 * {@code iot.shadow-changes.v1}. Thread-safe.
 */
public class ShadowManagement {

  /** Enough for any realistic contention on one shadow; each attempt reads the newest state. */
  private static final int MAX_ATTEMPTS = 16;

  private final ShadowStore store;
  private final ShadowIndex index;
  private final ShadowLimits limits;
  private final Clock clock;

  public ShadowManagement(ShadowStore store, ShadowIndex index, ShadowLimits limits, Clock clock) {
    this.store = store;
    this.index = index;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * The stored shadow.
   *
   * @throws ShadowRejectedException {@link ShadowRejection#NOT_FOUND} when it does not exist
   */
  public ShadowDocument get(ShadowKey key) {
    StoredShadow stored = store.read(key);
    if (!stored.exists()) {
      throw notFound(key);
    }
    return stored.document();
  }

  /**
   * Merges {@code update} into the shadow (creating it if needed).
   *
   * @return the document before and after
   * @throws ShadowRejectedException when the update is refused; the stored shadow is unchanged
   */
  public ShadowChange update(ShadowKey key, String tenantId, ShadowUpdate update, Actor actor) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      StoredShadow stored = store.read(key);
      ShadowDocument previous = stored.document();
      Instant now = clock.instant();
      ShadowDocument next = previous.apply(update, now, limits);
      List<OutboxEntry> outbox = new ArrayList<>();
      ShadowTopic topic = key.topic(Operation.UPDATE);
      outbox.add(
          toDevice(
              key,
              topic.responseTopic(Response.ACCEPTED),
              ShadowMessages.updateAccepted(update, next)));
      boolean touchesDesired = update.desired() != null || update.clearsDesired();
      if (touchesDesired) {
        ShadowMessages.delta(next, null)
            .ifPresent(
                delta -> outbox.add(toDevice(key, topic.responseTopic(Response.DELTA), delta)));
      }
      outbox.add(
          toDevice(
              key,
              topic.responseTopic(Response.DOCUMENTS),
              ShadowMessages.documents(
                  stored.exists() ? previous : null, next, update.clientToken())));
      outbox.add(
          ShadowChangeEvent.entry(
              key,
              tenantId,
              "update",
              actor,
              next.version(),
              stored.exists() ? previous : null,
              next,
              now));
      IndexChanges changes = indexChanges(stored, tenantId, next);
      ShadowCommit commit =
          new ShadowCommit(
              key,
              tenantId,
              previous.version(),
              next,
              next.version(),
              changes.removedKeys(),
              changes.addedKeys(),
              outbox);
      if (store.commit(commit)) {
        return new ShadowChange(stored.exists() ? previous : null, next);
      }
    }
    throw busy(key);
  }

  /**
   * Deletes the shadow; its version goes on with the next update.
   *
   * @param expectedVersion the version the caller saw, or null to delete whatever is stored
   * @throws ShadowRejectedException not found, or a version conflict
   */
  public void delete(
      ShadowKey key,
      String tenantId,
      @Nullable Long expectedVersion,
      @Nullable String clientToken,
      Actor actor) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      StoredShadow stored = store.read(key);
      if (!stored.exists()) {
        throw notFound(key);
      }
      ShadowDocument previous = stored.document();
      if (expectedVersion != null && expectedVersion != previous.version()) {
        throw new ShadowRejectedException(
            ShadowRejection.VERSION_CONFLICT,
            "The shadow is at version " + previous.version() + ", not " + expectedVersion + ".");
      }
      Instant now = clock.instant();
      long version = previous.version() + 1;
      List<OutboxEntry> outbox =
          List.of(
              toDevice(
                  key,
                  key.topic(Operation.DELETE).responseTopic(Response.ACCEPTED),
                  ShadowMessages.deleteAccepted(version, now, clientToken)),
              ShadowChangeEvent.entry(
                  key, tenantId, "delete", actor, version, previous, null, now));
      IndexChanges changes = indexChanges(stored, tenantId, ShadowDocument.empty());
      ShadowCommit commit =
          new ShadowCommit(
              key,
              tenantId,
              previous.version(),
              null,
              version,
              changes.removedKeys(),
              changes.addedKeys(),
              outbox);
      if (store.commit(commit)) {
        return;
      }
    }
    throw busy(key);
  }

  /** The shadow's latest documents, newest first. */
  public List<ShadowDocument> history(ShadowKey key, int limit) {
    return store.history(key, limit);
  }

  /** The device's existing shadows. */
  public List<ShadowKey> shadowsOf(String deviceId) {
    return store.shadowsOf(deviceId);
  }

  /**
   * What the fleet index must do for the change from {@code stored} to {@code next} ({@link
   * ShadowDocument#empty()} for a delete), computed from the very version the commit checks. A
   * shadow whose device moved to another tenant leaves the old tenant's sets.
   */
  private IndexChanges indexChanges(StoredShadow stored, String tenantId, ShadowDocument next) {
    ShadowDocument before = stored.exists() ? stored.document() : ShadowDocument.empty();
    String storedTenant = stored.tenantId();
    if (storedTenant == null || storedTenant.equals(tenantId)) {
      return index.changes(tenantId, before, next);
    }
    IndexChanges leave = index.changes(storedTenant, before, ShadowDocument.empty());
    IndexChanges join = index.changes(tenantId, ShadowDocument.empty(), next);
    return new IndexChanges(leave.removedKeys(), join.addedKeys());
  }

  private static OutboxEntry toDevice(ShadowKey key, String topic, String payload) {
    return new OutboxEntry(KafkaTopics.DOWNLINK, key.deviceId(), DownlinkJson.qos1(topic, payload));
  }

  static ShadowRejectedException notFound(ShadowKey key) {
    return new ShadowRejectedException(
        ShadowRejection.NOT_FOUND,
        key.shadowName() == null
            ? "Device " + key.deviceId() + " has no shadow."
            : "Device " + key.deviceId() + " has no shadow named " + key.shadowName() + ".");
  }

  private static ShadowRejectedException busy(ShadowKey key) {
    return new ShadowRejectedException(
        ShadowRejection.VERSION_CONFLICT,
        "The shadow "
            + key.member()
            + " changed "
            + MAX_ATTEMPTS
            + " times while this update was computed.");
  }
}
