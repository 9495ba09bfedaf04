package org.iotplatform.shadow.fleet;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A query over a tenant's shadows: terms joined with {@code AND}, each answered from the fleet
 * index. Immutable and thread-safe; build one with {@link #parse(String)}.
 *
 * <p>The language, by example:
 *
 * <ul>
 *   <li>{@code reported.mode = 'eco'}, {@code desired.config.level != 3}, {@code reported.on =
 *       true}: a value at a path, compared with a literal (a 'single-quoted' string, '' for a quote
 *       inside; a number, equal by value; true or false). {@code !=} matches shadows that hold
 *       another scalar or an array at the path, not those without the path;
 *   <li>{@code reported.firmware != desired.firmware}: desired holds a value that reported does
 *       not; {@code reported.firmware = desired.firmware}: desired holds a value and reported the
 *       same one (either side may come first; the paths must be the same);
 *   <li>{@code exists(reported.battery)}, {@code exists(desired.mode)}: a scalar or an array is at
 *       the path; {@code exists(delta.mode)}: the delta has the path; {@code exists(delta)}: the
 *       shadow is out of sync;
 *   <li>the empty query: every shadow.
 * </ul>
 *
 * <p>Paths name JSON keys separated by dots; a key holding other characters than letters, digits,
 * '_', '-', ':', '$' and '@' is written in double quotes ({@code reported."a.b"}, "" for a quote
 * inside). Strings longer than 128 characters are not indexed, hence refused as literals; ranges
 * ({@code <}, {@code >}), {@code OR} and {@code null} are refused too.
 */
public final class FleetQuery {

  private final String text;
  private final List<Term> terms;

  FleetQuery(String text, List<Term> terms) {
    this.text = text;
    this.terms = List.copyOf(terms);
  }

  /**
   * Parses {@code text}.
   *
   * @throws FleetQueryException ({@code shadow.invalid-query}) saying at which position what was
   *     expected
   */
  public static FleetQuery parse(String text) {
    return new FleetQuery(text, new FleetQueryParser(text).terms());
  }

  List<Term> terms() {
    return terms;
  }

  /** The sets a match of this query must and must not be in, for {@code tenantId}'s shadows. */
  Membership membership(String tenantId) {
    Membership.Builder membership = Membership.builder();
    if (terms.isEmpty()) {
      membership.in(IndexKeys.all(tenantId));
    }
    for (Term term : terms) {
      term.addTo(tenantId, membership);
    }
    return membership.build();
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof FleetQuery query && terms.equals(query.terms);
  }

  @Override
  public int hashCode() {
    return terms.hashCode();
  }

  /** The query as it was written. */
  @Override
  public String toString() {
    return text;
  }
}
