package org.iotplatform.shadow.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iotplatform.shadow.fleet.FleetFixtures.TENANT;
import static org.iotplatform.shadow.fleet.FleetFixtures.all;
import static org.iotplatform.shadow.fleet.FleetFixtures.delta;
import static org.iotplatform.shadow.fleet.FleetFixtures.eq;
import static org.iotplatform.shadow.fleet.FleetFixtures.has;
import static org.iotplatform.shadow.fleet.FleetFixtures.outOfSync;
import static org.iotplatform.shadow.fleet.FleetFixtures.shadow;
import static org.iotplatform.shadow.fleet.FleetFixtures.update;
import static org.iotplatform.shadow.fleet.Section.DESIRED;
import static org.iotplatform.shadow.fleet.Section.REPORTED;

import java.util.List;
import org.iotplatform.shadow.document.ShadowDocument;
import org.junit.jupiter.api.Test;

class ShadowIndexTest {

  private final ShadowIndex underTest = new ShadowIndex();

  @Test
  void newShadowJoinsASetPerValueAndPerDifferingDesiredKey() {
    ShadowDocument created = shadow("{'firmware':'2.0'}", "{'firmware':'1.0','mode':'eco'}");

    IndexChanges changes = underTest.changes(TENANT, ShadowDocument.empty(), created);

    assertThat(changes.removedKeys()).isEmpty();
    assertThat(changes.addedKeys())
        .containsExactlyInAnyOrder(
            all(),
            has(DESIRED, "firmware"),
            eq(DESIRED, "firmware", "2.0"),
            has(REPORTED, "firmware"),
            eq(REPORTED, "firmware", "1.0"),
            has(REPORTED, "mode"),
            eq(REPORTED, "mode", "eco"),
            delta("firmware"),
            outOfSync());
  }

  @Test
  void changedValueOnlyMovesTheShadowFromOneValueSetToAnother() {
    ShadowDocument before = shadow("{}", "{'mode':'eco','battery':80}");
    ShadowDocument after = update(before, "{}", "{'mode':'normal'}");

    IndexChanges changes = underTest.changes(TENANT, before, after);

    assertThat(changes.removedKeys()).containsExactly(eq(REPORTED, "mode", "eco"));
    assertThat(changes.addedKeys()).containsExactly(eq(REPORTED, "mode", "normal"));
  }

  @Test
  void updateChangingNoValueChangesNothingInTheIndex() {
    ShadowDocument before = shadow("{'mode':'eco'}", "{'mode':'eco'}");
    ShadowDocument after = update(before, "{'mode':'eco'}", "{'mode':'eco'}");

    assertThat(underTest.changes(TENANT, before, after).isEmpty()).isTrue();
  }

  @Test
  void differingDesiredValueJoinsTheDeltaSets() {
    ShadowDocument before = shadow("{'firmware':'1.0'}", "{'firmware':'1.0'}");
    ShadowDocument after = update(before, "{'firmware':'2.0'}", "{}");

    IndexChanges changes = underTest.changes(TENANT, before, after);

    assertThat(changes.removedKeys()).containsExactly(eq(DESIRED, "firmware", "1.0"));
    assertThat(changes.addedKeys())
        .containsExactlyInAnyOrder(eq(DESIRED, "firmware", "2.0"), delta("firmware"), outOfSync());
  }

  @Test
  void reportingTheDesiredValueLeavesTheDeltaSets() {
    ShadowDocument before = shadow("{'firmware':'2.0','mode':'eco'}", "{'firmware':'1.0'}");
    ShadowDocument after = update(before, "{}", "{'firmware':'2.0','mode':'eco'}");

    IndexChanges changes = underTest.changes(TENANT, before, after);

    assertThat(changes.removedKeys())
        .containsExactlyInAnyOrder(
            eq(REPORTED, "firmware", "1.0"), delta("firmware"), delta("mode"), outOfSync());
    assertThat(changes.addedKeys())
        .containsExactlyInAnyOrder(
            eq(REPORTED, "firmware", "2.0"), has(REPORTED, "mode"), eq(REPORTED, "mode", "eco"));
  }

  @Test
  void indexesNestedValuesByTheirWholePathAndObjectsNotAtAll() {
    ShadowDocument created = shadow("{}", "{'config':{'led':{'on':true},'interval':30}}");

    IndexChanges changes = underTest.changes(TENANT, ShadowDocument.empty(), created);

    assertThat(changes.addedKeys())
        .containsExactlyInAnyOrder(
            all(),
            has(REPORTED, "config.led.on"),
            eq(REPORTED, "config.led.on", true),
            has(REPORTED, "config.interval"),
            eq(REPORTED, "config.interval", 30));
  }

  @Test
  void indexesTheDeltaOfNestedObjectsKeyByKey() {
    ShadowDocument created =
        shadow("{'light':{'color':'red','level':3}}", "{'light':{'color':'red','level':1}}");

    assertThat(underTest.changes(TENANT, ShadowDocument.empty(), created).addedKeys())
        .contains(delta("light.level"), outOfSync())
        .doesNotContain(delta("light.color"), delta("light"));
  }

  @Test
  void indexesAnArrayAsPresentButNotByValueNorInside() {
    ShadowDocument created = shadow("{'slots':[1,2]}", "{'slots':[1,3]}");

    assertThat(underTest.changes(TENANT, ShadowDocument.empty(), created).addedKeys())
        .containsExactlyInAnyOrder(
            all(), has(DESIRED, "slots"), has(REPORTED, "slots"), delta("slots"), outOfSync());
  }

  @Test
  void indexesOneAndOnePointZeroAsOneValue() {
    ShadowDocument before = shadow("{}", "{'level':1,'ratio':0.50}");
    ShadowDocument after = update(before, "{}", "{'level':1.0,'ratio':0.5}");

    assertThat(underTest.changes(TENANT, ShadowDocument.empty(), before).addedKeys())
        .contains(eq(REPORTED, "level", 1), eq(REPORTED, "ratio", 0.5));
    assertThat(underTest.changes(TENANT, before, after).isEmpty()).isTrue();
  }

  @Test
  void tellsTheStringOneFromTheNumberOneAndFromTrue() {
    assertThat(List.of(eq(REPORTED, "x", "1"), eq(REPORTED, "x", 1), eq(REPORTED, "x", "true")))
        .doesNotHaveDuplicates()
        .doesNotContain(eq(REPORTED, "x", true));
  }

  @Test
  void indexesStringsUpTo128CharactersByValue() {
    String longest = "a".repeat(128);
    String tooLong = "b".repeat(129);
    ShadowDocument created = shadow("{}", "{'short':'" + longest + "','note':'" + tooLong + "'}");

    assertThat(underTest.changes(TENANT, ShadowDocument.empty(), created).addedKeys())
        .containsExactlyInAnyOrder(
            all(), has(REPORTED, "short"), eq(REPORTED, "short", longest), has(REPORTED, "note"));
  }

  @Test
  void scalarReplacingAnObjectReplacesItsSets() {
    ShadowDocument before = shadow("{}", "{'config':{'a':1}}");
    ShadowDocument after = update(before, "{}", "{'config':'factory'}");

    IndexChanges changes = underTest.changes(TENANT, before, after);

    assertThat(changes.removedKeys())
        .containsExactlyInAnyOrder(has(REPORTED, "config.a"), eq(REPORTED, "config.a", 1));
    assertThat(changes.addedKeys())
        .containsExactlyInAnyOrder(has(REPORTED, "config"), eq(REPORTED, "config", "factory"));
  }

  @Test
  void deletedShadowLeavesEverySet() {
    ShadowDocument before = shadow("{'firmware':'2.0'}", "{'firmware':'1.0'}");

    IndexChanges changes = underTest.changes(TENANT, before, ShadowDocument.empty());

    assertThat(changes.addedKeys()).isEmpty();
    assertThat(changes.removedKeys())
        .containsExactlyInAnyOrderElementsOf(ShadowIndex.keys(TENANT, before))
        .contains(all(), delta("firmware"), outOfSync());
  }

  @Test
  void shadowEmptiedByAnUpdateStaysInTheTenantsSet() {
    ShadowDocument before = shadow("{}", "{'mode':'eco'}");
    ShadowDocument after = update(before, "{}", "{'mode':null}");

    assertThat(underTest.changes(TENANT, before, after).removedKeys())
        .containsExactlyInAnyOrder(has(REPORTED, "mode"), eq(REPORTED, "mode", "eco"));
  }

  @Test
  void keysAreUnambiguousForKeysHoldingDotsAndForTenants() {
    String dotted = IndexKeys.has(TENANT, REPORTED, List.of("a.b"));
    String nested = IndexKeys.has(TENANT, REPORTED, List.of("a", "b"));
    String otherTenant = IndexKeys.has("other", REPORTED, List.of("a", "b"));

    assertThat(List.of(dotted, nested, otherTenant)).doesNotHaveDuplicates();
    assertThat(nested).isEqualTo("fleet:[\"acme\",\"has\",\"reported\",[\"a\",\"b\"]]");
  }
}
