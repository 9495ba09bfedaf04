package org.iotplatform.shadow.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.iotplatform.servers.RedisServer;
import org.iotplatform.shadow.document.ShadowDocument;
import org.iotplatform.shadow.store.ShadowKey;
import org.iotplatform.testsupport.RedisExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fleet queries against a real Redis holding the index of 330 shadows (300 classic ones, 30 named
 * ones, and a few of another tenant), written through {@link ShadowIndex} as the store does.
 */
@ExtendWith(RedisExtension.class)
class FleetQueryRepositoryIT {

  private static final String TENANT = "acme";
  private static final int DEVICES = 300;
  private static final int PAGE_SIZE = 7;

  /** One shadow as the test wrote it. */
  private record Fleet(
      ShadowKey ref, int number, String mode, String reportedFirmware, String desiredFirmware) {}

  private final ShadowIndex index = new ShadowIndex();
  private final Map<ShadowKey, ShadowDocument> stored = new HashMap<>();
  private final Map<ShadowKey, Fleet> fleet = new HashMap<>();
  private RedisClient client;
  private StatefulRedisConnection<String, String> connection;
  private IndexWriter writer;
  private FleetQueryRepository underTest;

  @BeforeEach
  void indexAFleet(RedisServer redis) {
    client = RedisClient.create(redis.uri());
    connection = client.connect();
    writer = new IndexWriter(connection);
    underTest = new FleetQueryRepository(connection);
    for (int i = 0; i < DEVICES; i++) {
      String device = String.format("dev-%03d", i);
      String mode = i % 3 == 0 ? "eco" : "normal";
      String desiredFirmware = i % 10 == 0 ? "2.0" : "1.0";
      store(TENANT, new Fleet(ShadowKey.classic(device), i, mode, "1.0", desiredFirmware));
      if (i % 10 == 5) {
        store(TENANT, new Fleet(ShadowKey.named(device, "config"), i, "eco", "1.0", "1.0"));
      }
    }
    for (int i = 0; i < 10; i++) {
      store(
          "other",
          new Fleet(ShadowKey.classic(String.format("dev-%03d", i)), i, "eco", "1.0", "2.0"));
    }
    writer.await();
  }

  @AfterEach
  void close() {
    connection.close();
    client.shutdown();
  }

  private void store(String tenant, Fleet shadow) {
    String reported =
        "{'mode':'%s','firmware':'%s','battery':%d,'config':{'interval':30,'led':{'on':%b}}}"
            .formatted(
                shadow.mode(),
                shadow.reportedFirmware(),
                shadow.number() % 100,
                shadow.number() % 2 == 0);
    String desired = "{'firmware':'%s'}".formatted(shadow.desiredFirmware());
    ShadowDocument before = stored.getOrDefault(shadow.ref(), ShadowDocument.empty());
    ShadowDocument after = FleetFixtures.update(before, desired, reported);
    writer.write(shadow.ref(), index.changes(tenant, before, after));
    if (tenant.equals(TENANT)) {
      stored.put(shadow.ref(), after);
      fleet.put(shadow.ref(), shadow);
    }
  }

  private void delete(ShadowKey ref) {
    writer.write(ref, index.changes(TENANT, stored.remove(ref), ShadowDocument.empty()));
    fleet.remove(ref);
    writer.await();
  }

  /** Every page of {@code query}, checking that none is longer than asked. */
  private List<ShadowKey> allPages(String query) {
    return allPages(underTest, query, PAGE_SIZE);
  }

  private static List<ShadowKey> allPages(
      FleetQueryRepository repository, String query, int pageSize) {
    List<ShadowKey> found = new ArrayList<>();
    @Nullable String cursor = null;
    int pages = 0;
    do {
      FleetPage page = repository.find(TENANT, FleetQuery.parse(query), cursor, pageSize);
      assertThat(page.items()).hasSizeLessThanOrEqualTo(pageSize);
      found.addAll(page.items());
      cursor = page.nextCursor();
      assertThat(++pages).as("pages of %s", query).isLessThan(1_000);
    } while (cursor != null);
    return found;
  }

  private List<ShadowKey> expected(Predicate<Fleet> matches) {
    return fleet.values().stream()
        .filter(matches)
        .map(Fleet::ref)
        .sorted(Comparator.comparing(ShadowKey::member))
        .toList();
  }

  @Test
  void findsEveryShadowWithAValueAcrossPagesInMemberOrder() {
    List<ShadowKey> expected = expected(shadow -> shadow.mode().equals("eco"));

    assertThat(allPages("reported.mode = 'eco'")).hasSize(130).containsExactlyElementsOf(expected);
  }

  @Test
  void findsNamedShadowsAsNamed() {
    assertThat(allPages("reported.mode = 'eco'"))
        .contains(ShadowKey.named("dev-005", "config"), ShadowKey.classic("dev-000"));
  }

  @Test
  void inequalityWithALiteralFindsTheOtherValues() {
    assertThat(allPages("reported.mode != 'eco'"))
        .containsExactlyElementsOf(expected(shadow -> !shadow.mode().equals("eco")));
  }

  @Test
  void findsShadowsWhoseReportedFirmwareIsNotTheDesiredOne() {
    assertThat(allPages("reported.firmware != desired.firmware"))
        .hasSize(30)
        .containsExactlyElementsOf(
            expected(shadow -> shadow.number() % 10 == 0 && shadow.ref().shadowName() == null));
    assertThat(allPages("reported.firmware = desired.firmware"))
        .hasSize(300)
        .containsExactlyElementsOf(expected(shadow -> shadow.desiredFirmware().equals("1.0")));
  }

  @Test
  void forgetsTheMismatchOnceTheDeviceReportsTheDesiredFirmware() {
    Fleet updated = fleet.get(ShadowKey.classic("dev-010"));
    store(TENANT, new Fleet(updated.ref(), updated.number(), updated.mode(), "2.0", "2.0"));
    writer.await();

    assertThat(allPages("reported.firmware != desired.firmware"))
        .hasSize(29)
        .doesNotContain(updated.ref());
    assertThat(allPages("reported.firmware = '2.0'")).containsExactly(updated.ref());
  }

  @Test
  void joinsTermsWithAnd() {
    assertThat(
            allPages(
                "reported.mode = 'eco' AND reported.firmware != desired.firmware AND reported.config.led.on = true"))
        .containsExactlyElementsOf(
            expected(shadow -> shadow.number() % 30 == 0 && shadow.ref().shadowName() == null));
  }

  @Test
  void findsARareValueInOnePage() {
    FleetPage page =
        underTest.find(TENANT, FleetQuery.parse("reported.battery = 42"), null, PAGE_SIZE);

    assertThat(page.items())
        .containsExactly(
            ShadowKey.classic("dev-042"),
            ShadowKey.classic("dev-142"),
            ShadowKey.classic("dev-242"));
    assertThat(page.nextCursor()).isNull();
  }

  @Test
  void answersAQueryWithoutMatchesWithAnEmptyLastPage() {
    for (String query :
        List.of(
            "reported.mode = 'turbo'",
            "reported.mode = 'eco' AND reported.mode = 'normal'",
            "exists(reported.nothing)")) {
      FleetPage page = underTest.find(TENANT, FleetQuery.parse(query), null, PAGE_SIZE);

      assertThat(page.items()).as(query).isEmpty();
      assertThat(page.nextCursor()).as(query).isNull();
    }
  }

  @Test
  void lastFullPageHasNoNextCursor() {
    // reported.battery = 0 matches dev-000, dev-100 and dev-200 only.
    FleetPage page = underTest.find(TENANT, FleetQuery.parse("reported.battery = 0"), null, 3);

    assertThat(page.items()).hasSize(3);
    assertThat(page.nextCursor()).isNull();
  }

  @Test
  void cursorAfterTheLastShadowGivesAnEmptyLastPage() {
    FleetPage page =
        underTest.find(
            TENANT,
            FleetQuery.parse("reported.mode = 'eco'"),
            FleetCursor.encode("zzz"),
            PAGE_SIZE);

    assertThat(page).isEqualTo(new FleetPage(List.of(), null));
  }

  @Test
  void emptyQueryFindsEveryShadowOfTheTenantOnly() {
    assertThat(allPages("")).hasSize(330).containsExactlyElementsOf(expected(shadow -> true));
  }

  @Test
  void deletedShadowIsFoundNoMore() {
    delete(ShadowKey.classic("dev-000"));

    assertThat(allPages("reported.firmware != desired.firmware"))
        .hasSize(29)
        .doesNotContain(ShadowKey.classic("dev-000"));
    assertThat(allPages("")).hasSize(329);
  }

  @Test
  void scanBudgetGivesShortPagesWithCursorsThatStillLeadToEveryMatch() {
    FleetQueryRepository budgeted = new FleetQueryRepository(connection, 10);

    FleetPage first =
        budgeted.find(TENANT, FleetQuery.parse("desired.firmware != '1.0'"), null, PAGE_SIZE);

    assertThat(first.items()).hasSizeLessThan(PAGE_SIZE);
    assertThat(first.nextCursor()).isNotNull();
    assertThat(allPages(budgeted, "desired.firmware != '1.0'", PAGE_SIZE))
        .containsExactlyElementsOf(expected(shadow -> shadow.desiredFirmware().equals("2.0")));
  }

  @Test
  void loadsTheScriptAgainAfterRedisForgotIt() {
    FleetQuery query = FleetQuery.parse("reported.battery = 42");
    FleetPage before = underTest.find(TENANT, query, null, PAGE_SIZE);

    connection.sync().scriptFlush();

    assertThat(underTest.find(TENANT, query, null, PAGE_SIZE)).isEqualTo(before);
  }

  @Test
  void refusesACursorItDidNotHandOut() {
    assertThatThrownBy(() -> underTest.find(TENANT, FleetQuery.parse(""), "%%%", PAGE_SIZE))
        .isInstanceOf(FleetQueryException.class);
  }
}
