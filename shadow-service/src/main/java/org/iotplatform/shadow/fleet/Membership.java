package org.iotplatform.shadow.fleet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A compiled query: a match is a member of every {@code in} set and of no {@code notIn} set.
 *
 * @param in never empty; the query scans the smallest of them
 * @param notIn sets that exclude a candidate
 */
record Membership(List<String> in, List<String> notIn) {

  Membership {
    if (in.isEmpty()) {
      throw new IllegalArgumentException("a query needs at least one set to scan");
    }
    in = List.copyOf(in);
    notIn = List.copyOf(notIn);
  }

  /** The keys in the order the Lua script takes them: the {@code in} sets first. */
  List<String> keys() {
    List<String> keys = new ArrayList<>(in);
    keys.addAll(notIn);
    return keys;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Collects sets, each once. */
  static final class Builder {
    private final Set<String> in = new LinkedHashSet<>();
    private final Set<String> notIn = new LinkedHashSet<>();

    Builder in(String key) {
      in.add(key);
      return this;
    }

    Builder notIn(String key) {
      notIn.add(key);
      return this;
    }

    Membership build() {
      return new Membership(new ArrayList<>(in), new ArrayList<>(notIn));
    }
  }
}
