package org.iotplatform.shadow.fleet;

import java.util.List;

/** One condition of a {@link FleetQuery}, answered by membership in index sets. */
sealed interface Term {

  /** Adds the sets a match must be in and those it must not be in. */
  void addTo(String tenantId, Membership.Builder membership);

  /**
   * {@code section.path = value} or {@code section.path != value}.
   *
   * @param value an {@link IndexKeys#indexedValue indexed value}
   * @param equal false for {@code !=}: the path holds a scalar or array other than {@code value}
   */
  record ValueIs(Section section, List<String> path, Object value, boolean equal) implements Term {

    public ValueIs {
      path = List.copyOf(path);
    }

    @Override
    public void addTo(String tenantId, Membership.Builder membership) {
      String eq = IndexKeys.eq(tenantId, section, path, value);
      if (equal) {
        membership.in(eq);
      } else {
        membership.in(IndexKeys.has(tenantId, section, path)).notIn(eq);
      }
    }
  }

  /**
   * {@code reported.path = desired.path} (desired holds a value there and reported the same), or
   * with {@code !=} (desired holds a value there that reported does not: the delta has the path).
   */
  record MatchesDesired(List<String> path, boolean equal) implements Term {

    public MatchesDesired {
      path = List.copyOf(path);
    }

    @Override
    public void addTo(String tenantId, Membership.Builder membership) {
      String delta = IndexKeys.delta(tenantId, path);
      if (equal) {
        membership.in(IndexKeys.has(tenantId, Section.DESIRED, path)).notIn(delta);
      } else {
        membership.in(delta);
      }
    }
  }

  /** {@code exists(section.path)}: the path holds a scalar or an array. */
  record Exists(Section section, List<String> path) implements Term {

    public Exists {
      path = List.copyOf(path);
    }

    @Override
    public void addTo(String tenantId, Membership.Builder membership) {
      membership.in(IndexKeys.has(tenantId, section, path));
    }
  }

  /**
   * {@code exists(delta.path)}: the delta holds a scalar or an array at the path; {@code
   * exists(delta)} with an empty path: the shadow is out of sync anywhere.
   */
  record InDelta(List<String> path) implements Term {

    public InDelta {
      path = List.copyOf(path);
    }

    @Override
    public void addTo(String tenantId, Membership.Builder membership) {
      membership.in(
          path.isEmpty() ? IndexKeys.outOfSync(tenantId) : IndexKeys.delta(tenantId, path));
    }
  }
}
