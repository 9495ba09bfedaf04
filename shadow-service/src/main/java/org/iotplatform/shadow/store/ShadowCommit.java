package org.iotplatform.shadow.store;

import java.util.List;
import org.iotplatform.shadow.document.ShadowDocument;
import org.jspecify.annotations.Nullable;

/**
 * One atomic change of a shadow: written only if Redis still holds {@code expectedVersion}.
 *
 * @param key the shadow
 * @param tenantId the device's tenant
 * @param expectedVersion the version read before the change was computed
 * @param document the new document, or null to delete the shadow (its version is kept)
 * @param newVersion the version after the change
 * @param removedIndexKeys fleet index sets the shadow leaves
 * @param addedIndexKeys fleet index sets the shadow joins
 * @param outbox the records to send once the change is stored
 */
public record ShadowCommit(
    ShadowKey key,
    String tenantId,
    long expectedVersion,
    @Nullable ShadowDocument document,
    long newVersion,
    List<String> removedIndexKeys,
    List<String> addedIndexKeys,
    List<OutboxEntry> outbox) {

  public ShadowCommit {
    removedIndexKeys = List.copyOf(removedIndexKeys);
    addedIndexKeys = List.copyOf(addedIndexKeys);
    outbox = List.copyOf(outbox);
  }
}
