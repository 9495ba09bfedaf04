package org.iotplatform.shadow.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.iotplatform.shadow.document.ShadowDelta;
import org.iotplatform.shadow.document.ShadowDocument;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Which fleet index sets a shadow belongs to, and what a change does to them. Pure and stateless:
 * the store applies the {@link IndexChanges} atomically with the document write.
 *
 * <p>A shadow (version above 0) is in:
 *
 * <ul>
 *   <li>{@code all} of its tenant;
 *   <li>{@code has(section, path)} for every scalar (never null) and every array in desired and
 *       reported, objects walked key by key, arrays not looked into;
 *   <li>{@code eq(section, path, value)} for every such scalar that is a boolean, a number or a
 *       string of at most 128 characters;
 *   <li>{@code delta(path)} for every scalar or array of its delta, and {@code outOfSync} when the
 *       delta is not empty.
 * </ul>
 */
public final class ShadowIndex {

  /**
   * The sets that {@code before}'s member leaves and joins so that the index describes {@code
   * after}.
   *
   * @param before the stored document, {@link ShadowDocument#empty()} for a new shadow
   * @param after the document written, {@link ShadowDocument#empty()} for a deleted shadow
   */
  public IndexChanges changes(String tenantId, ShadowDocument before, ShadowDocument after) {
    Set<String> was = keys(tenantId, before);
    Set<String> is = keys(tenantId, after);
    List<String> removed = new ArrayList<>(was);
    removed.removeAll(is);
    List<String> added = new ArrayList<>(is);
    added.removeAll(was);
    return new IndexChanges(removed, added);
  }

  /** Every set {@code document} belongs to; none for a shadow that does not exist (version 0). */
  static Set<String> keys(String tenantId, ShadowDocument document) {
    Set<String> keys = new TreeSet<>();
    if (document.version() == 0) {
      return keys;
    }
    keys.add(IndexKeys.all(tenantId));
    section(tenantId, Section.DESIRED, document.desired(), keys);
    section(tenantId, Section.REPORTED, document.reported(), keys);
    ShadowDelta delta = document.delta();
    if (!delta.isEmpty()) {
      keys.add(IndexKeys.outOfSync(tenantId));
      leaves(
          delta.state(),
          new ArrayList<>(),
          (path, value) -> keys.add(IndexKeys.delta(tenantId, path)));
    }
    return keys;
  }

  private static void section(String tenantId, Section section, JsonNode state, Set<String> keys) {
    leaves(
        state,
        new ArrayList<>(),
        (path, value) -> {
          keys.add(IndexKeys.has(tenantId, section, path));
          @Nullable Object indexed = IndexKeys.indexedValue(value);
          if (indexed != null) {
            keys.add(IndexKeys.eq(tenantId, section, path, indexed));
          }
        });
  }

  /** Calls {@code sink} with the path of every scalar and array below {@code node}'s objects. */
  private static void leaves(
      JsonNode node, List<String> path, BiConsumer<List<String>, JsonNode> sink) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> property : node.properties()) {
        path.add(property.getKey());
        leaves(property.getValue(), path, sink);
        path.remove(path.size() - 1);
      }
    } else if (!node.isNull() && !node.isMissingNode()) {
      sink.accept(List.copyOf(path), node);
    }
  }
}
