package org.iotplatform.shadow.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iotplatform.shadow.fleet.FleetFixtures.TENANT;
import static org.iotplatform.shadow.fleet.FleetFixtures.all;
import static org.iotplatform.shadow.fleet.FleetFixtures.delta;
import static org.iotplatform.shadow.fleet.FleetFixtures.eq;
import static org.iotplatform.shadow.fleet.FleetFixtures.has;
import static org.iotplatform.shadow.fleet.FleetFixtures.outOfSync;
import static org.iotplatform.shadow.fleet.Section.DESIRED;
import static org.iotplatform.shadow.fleet.Section.REPORTED;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import org.iotplatform.web.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

class FleetQueryTest {

  private static Membership membership(String query) {
    return FleetQuery.parse(query).membership(TENANT);
  }

  private static Membership in(String... keys) {
    return new Membership(List.of(keys), List.of());
  }

  @Test
  void equalityWithAStringIsMembershipOfItsValueSet() {
    assertThat(membership("reported.mode = 'eco'")).isEqualTo(in(eq(REPORTED, "mode", "eco")));
  }

  @Test
  void readsDoubledQuotesInsideAStringAsOne() {
    assertThat(membership("reported.owner='O''Brien'"))
        .isEqualTo(in(eq(REPORTED, "owner", "O'Brien")));
  }

  @Test
  void comparesNumbersByValue() {
    assertThat(membership("desired.level = 1.0")).isEqualTo(in(eq(DESIRED, "level", 1)));
    assertThat(membership("desired.level = -1.5e2")).isEqualTo(in(eq(DESIRED, "level", -150)));
  }

  @Test
  void readsBooleans() {
    assertThat(membership("reported.config.led.on = true"))
        .isEqualTo(in(eq(REPORTED, "config.led.on", true)));
    assertThat(membership("reported.on = false")).isEqualTo(in(eq(REPORTED, "on", false)));
  }

  @Test
  void inequalityWithALiteralNeedsThePathButNotTheValue() {
    assertThat(membership("reported.mode != 'eco'"))
        .isEqualTo(
            new Membership(List.of(has(REPORTED, "mode")), List.of(eq(REPORTED, "mode", "eco"))));
  }

  @Test
  void reportedDifferingFromDesiredIsTheDeltaSetWhicheverSideComesFirst() {
    assertThat(membership("reported.firmware != desired.firmware"))
        .isEqualTo(in(delta("firmware")));
    assertThat(membership("desired.firmware != reported.firmware"))
        .isEqualTo(in(delta("firmware")));
  }

  @Test
  void reportedEqualToDesiredNeedsADesiredValueOutsideTheDelta() {
    Membership expected =
        new Membership(List.of(has(DESIRED, "firmware")), List.of(delta("firmware")));

    assertThat(membership("reported.firmware = desired.firmware")).isEqualTo(expected);
    assertThat(membership("desired.firmware = reported.firmware")).isEqualTo(expected);
  }

  @Test
  void existsTestsAPathOrTheDelta() {
    assertThat(membership("exists(reported.battery)")).isEqualTo(in(has(REPORTED, "battery")));
    assertThat(membership("exists( desired.mode )")).isEqualTo(in(has(DESIRED, "mode")));
    assertThat(membership("exists(delta.mode)")).isEqualTo(in(delta("mode")));
    assertThat(membership("EXISTS(delta)")).isEqualTo(in(outOfSync()));
  }

  @Test
  void joinsTermsWithAndInAnyCase() {
    assertThat(
            membership(
                "reported.mode = 'eco' AND reported.firmware != desired.firmware and"
                    + " reported.battery != 0"))
        .isEqualTo(
            new Membership(
                List.of(eq(REPORTED, "mode", "eco"), delta("firmware"), has(REPORTED, "battery")),
                List.of(eq(REPORTED, "battery", 0))));
  }

  @Test
  void namesEachSetOnce() {
    assertThat(membership("reported.mode = 'eco' AND reported.mode = 'eco'"))
        .isEqualTo(in(eq(REPORTED, "mode", "eco")));
  }

  @Test
  void readsAQuotedKeyAsOneSegment() {
    assertThat(membership("reported.\"a.b\".\"say \"\"hi\"\"\" = 1"))
        .isEqualTo(
            in(
                IndexKeys.eq(
                    TENANT,
                    REPORTED,
                    List.of("a.b", "say \"hi\""),
                    IndexKeys.canonical(BigDecimal.ONE))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\n"})
  void emptyQueryMatchesEveryShadow(String query) {
    assertThat(membership(query)).isEqualTo(in(all()));
  }

  @Test
  void keepsTheTextAsWritten() {
    assertThat(FleetQuery.parse("reported.mode='eco'")).hasToString("reported.mode='eco'");
    assertThat(FleetQuery.parse("reported.mode='eco'"))
        .isEqualTo(FleetQuery.parse("reported.mode = 'eco'"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          reported.mode =                       | At position 16: expected a literal after '=', found the end of the query.
          reported.mode = eco                   | At position 17: expected a literal after '=', found 'eco'.
          reported.mode 'eco'                   | At position 15: expected '=' or '!=' after the path, found 'eco'.
          reported.battery < 20                 | At position 18: range comparisons ('<') are not supported yet; use '=' or '!='.
          reported.battery >= 20                | At position 18: range comparisons ('>=') are not supported yet
          reported.mode == 'eco'                | At position 15: use '=' to compare, not '=='.
          reported.mode = null                  | At position 17: null is never stored; use exists(...) to test a path.
          mode = 'eco'                          | At position 1: expected a path starting with desired, reported or delta, found 'mode'.
          'eco' = reported.mode                 | At position 1: expected a path starting with desired, reported or delta, found 'eco'.
          reported = 'eco'                      | At position 9: expected '.' and a key after 'reported'.
          reported..mode = 'eco'                | At position 10: expected a key after '.', found '.mode'.
          reported.mode = 'eco                  | At position 17: unterminated 'quoted' text.
          delta.mode = 'eco'                    | At position 1: delta can only be tested with exists(delta.path) or exists(delta).
          reported.mode != desired.level        | At position 18: reported and desired can only be compared at the same path, here mode.
          reported.mode = reported.other        | At position 17: a path can only be compared with the other of desired and reported.
          reported.a = 1 OR reported.b = 2      | At position 16: OR is not supported; run one query per alternative.
          reported.a = 1 reported.b = 2         | At position 16: expected AND or the end of the query, found 'reported.b'.
          reported.a = 1 AND                    | At position 19: expected a term after AND.
          exists(reported.a                     | At position 18: expected ')' after the path, found the end of the query.
          """)
  void refusesAQuerySayingWhereAndWhat(String query, String message) {
    assertThatThrownBy(() -> FleetQuery.parse(query))
        .isInstanceOfSatisfying(
            FleetQueryException.class,
            e -> {
              assertThat(e.getBody().getDetail()).startsWith(message);
              assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
              assertThat(e.getBody().getProperties())
                  .containsEntry(ErrorCode.PROPERTY_NAME, "shadow.invalid-query");
            });
  }

  @Test
  void refusesMoreThanSixteenTerms() {
    String sixteen = String.join(" AND ", Collections.nCopies(16, "reported.a = 1"));

    assertThat(FleetQuery.parse(sixteen).terms()).hasSize(16);
    assertThatThrownBy(() -> FleetQuery.parse(sixteen + " AND reported.b = 2"))
        .hasMessageContaining(
            "At position " + (sixteen.length() + 6) + ": a query has at most 16 terms.");
  }

  @Test
  void refusesStringsTooLongToBeIndexed() {
    assertThat(membership("reported.note = '" + "a".repeat(128) + "'")).isNotNull();
    assertThatThrownBy(() -> FleetQuery.parse("reported.note = '" + "a".repeat(129) + "'"))
        .hasMessageContaining("At position 17: strings longer than 128 characters are not indexed");
  }
}
