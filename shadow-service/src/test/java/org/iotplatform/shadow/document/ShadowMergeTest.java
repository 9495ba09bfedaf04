package org.iotplatform.shadow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iotplatform.shadow.document.ShadowFixtures.object;
import static org.iotplatform.shadow.document.ShadowFixtures.stamp;
import static org.iotplatform.shadow.document.ShadowFixtures.update;
import static org.iotplatform.testsupport.TestInstants.ONE_MINUTE_LATER;
import static org.iotplatform.testsupport.TestInstants.T0;
import static org.iotplatform.testsupport.TestInstants.TWO_MINUTES_LATER;

import org.junit.jupiter.api.Test;

class ShadowMergeTest {

  private final ShadowDocument underTest =
      ShadowDocument.empty()
          .apply(
              update(
                  "{'state':{'desired':{'light':{'color':'red','level':3},'mode':'eco'},"
                      + "'reported':{'light':{'color':'blue'},'fw':'1.0'}}}"),
              T0);

  @Test
  void mergesNestedObjectsKeyByKey() {
    ShadowDocument result =
        underTest.apply(
            update("{'state':{'desired':{'light':{'level':5,'blink':true}}}}"), ONE_MINUTE_LATER);

    assertThat(result.desired())
        .isEqualTo(object("{'light':{'color':'red','level':5,'blink':true},'mode':'eco'}"));
    assertThat(result.reported()).isEqualTo(underTest.reported());
  }

  @Test
  void nullDeletesAKeyAndItsMetadata() {
    ShadowDocument result =
        underTest.apply(update("{'state':{'desired':{'mode':null}}}"), ONE_MINUTE_LATER);

    assertThat(result.desired()).isEqualTo(object("{'light':{'color':'red','level':3}}"));
    assertThat(result.desiredMetadata().has("mode")).isFalse();
  }

  @Test
  void deletingTheLastKeyOfAnObjectRemovesTheObject() {
    ShadowDocument result =
        underTest.apply(
            update("{'state':{'reported':{'light':{'color':null}}}}"), ONE_MINUTE_LATER);

    assertThat(result.reported()).isEqualTo(object("{'fw':'1.0'}"));
    assertThat(result.reportedMetadata()).isEqualTo(object("{'fw':" + stamp(T0) + "}"));
  }

  @Test
  void deletingAMissingKeyChangesNothingElse() {
    ShadowDocument result =
        underTest.apply(update("{'state':{'desired':{'absent':null}}}"), ONE_MINUTE_LATER);

    assertThat(result.desired()).isEqualTo(underTest.desired());
  }

  @Test
  void replacesArraysWhole() {
    ShadowDocument withArray =
        underTest.apply(update("{'state':{'desired':{'slots':[1,2,3]}}}"), ONE_MINUTE_LATER);

    ShadowDocument result =
        withArray.apply(update("{'state':{'desired':{'slots':[9]}}}"), TWO_MINUTES_LATER);

    assertThat(result.desired().get("slots")).isEqualTo(ShadowFixtures.tree("[9]"));
    assertThat(result.desiredMetadata().get("slots")).isEqualTo(stamp(TWO_MINUTES_LATER));
  }

  @Test
  void replacesAScalarByAnObjectWithFreshMetadata() {
    ShadowDocument result =
        underTest.apply(
            update("{'state':{'desired':{'mode':{'name':'eco','until':12}}}}"), ONE_MINUTE_LATER);

    assertThat(result.desired().get("mode")).isEqualTo(object("{'name':'eco','until':12}"));
    assertThat(result.desiredMetadata().get("mode"))
        .isEqualTo(
            object(
                "{'name':"
                    + stamp(ONE_MINUTE_LATER)
                    + ",'until':"
                    + stamp(ONE_MINUTE_LATER)
                    + "}"));
  }

  @Test
  void stampsOnlyTheLeavesTheUpdateNames() {
    ShadowDocument result =
        underTest.apply(update("{'state':{'desired':{'light':{'level':4}}}}"), ONE_MINUTE_LATER);

    assertThat(result.desiredMetadata())
        .isEqualTo(
            object(
                "{'light':{'color':"
                    + stamp(T0)
                    + ",'level':"
                    + stamp(ONE_MINUTE_LATER)
                    + "},'mode':"
                    + stamp(T0)
                    + "}"));
    assertThat(result.reportedMetadata()).isEqualTo(underTest.reportedMetadata());
    assertThat(result.timestamp()).isEqualTo(ONE_MINUTE_LATER);
  }

  @Test
  void growsTheVersionByOneWithEveryUpdate() {
    ShadowDocument result =
        underTest.apply(update("{'state':{'reported':{'fw':'1.1'}}}"), ONE_MINUTE_LATER);

    assertThat(underTest.version()).isEqualTo(1);
    assertThat(result.version()).isEqualTo(2);
  }

  @Test
  void acceptsAnUpdateThatChangesNothingAndStillGrowsTheVersion() {
    ShadowDocument result =
        underTest.apply(update("{'state':{'reported':{'fw':'1.0'}}}"), ONE_MINUTE_LATER);

    assertThat(result.reported()).isEqualTo(underTest.reported());
    assertThat(result.version()).isEqualTo(underTest.version() + 1);
    assertThat(result.reportedMetadata().get("fw")).isEqualTo(stamp(ONE_MINUTE_LATER));
  }

  @Test
  void acceptsAnUpdateNamingTheCurrentVersion() {
    ShadowDocument result =
        underTest.apply(
            update("{'state':{'reported':{'fw':'1.1'}},'version':1}"), ONE_MINUTE_LATER);

    assertThat(result.version()).isEqualTo(2);
  }

  @Test
  void refusesAnUpdateNamingAnotherVersion() {
    assertThatThrownBy(
            () ->
                underTest.apply(
                    update("{'state':{'reported':{'fw':'1.1'}},'version':7}"), ONE_MINUTE_LATER))
        .isInstanceOfSatisfying(
            ShadowRejectedException.class,
            e -> {
              assertThat(e.rejection()).isEqualTo(ShadowRejection.VERSION_CONFLICT);
              assertThat(e.rejection().status().value()).isEqualTo(409);
              assertThat(e.detail()).contains("version 7", "version 1");
            });
  }

  @Test
  void nullDesiredClearsAllDesiredState() {
    ShadowDocument result = underTest.apply(update("{'state':{'desired':null}}"), ONE_MINUTE_LATER);

    assertThat(result.desired()).isEmpty();
    assertThat(result.desiredMetadata()).isEmpty();
    assertThat(result.reported()).isEqualTo(underTest.reported());
  }

  @Test
  void leavesTheOriginalDocumentAsItWas() {
    String before = underTest.toJson();

    underTest.apply(update("{'state':{'desired':{'light':null,'mode':'max'}}}"), ONE_MINUTE_LATER);

    assertThat(underTest.toJson()).isEqualTo(before);
  }
}
