package org.iotplatform.shadow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iotplatform.shadow.document.ShadowFixtures.json;
import static org.iotplatform.shadow.document.ShadowFixtures.object;
import static org.iotplatform.shadow.document.ShadowFixtures.stamp;
import static org.iotplatform.shadow.document.ShadowFixtures.tree;
import static org.iotplatform.shadow.document.ShadowFixtures.update;
import static org.iotplatform.testsupport.TestInstants.ONE_MINUTE_LATER;
import static org.iotplatform.testsupport.TestInstants.T0;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShadowDocumentTest {

  private final ShadowDocument underTest =
      ShadowDocument.empty()
          .apply(
              update(
                  "{'state':{'desired':{'light':{'color':'red'},'slots':[1,2],'ratio':0.5},"
                      + "'reported':{'light':{'color':'blue'},'on':true,'note':'é ☃'}}}"),
              T0)
          .apply(update("{'state':{'reported':{'fw':'1.0'}}}"), ONE_MINUTE_LATER);

  @Test
  void survivesAJsonRoundTrip() {
    assertThat(ShadowDocument.fromJson(underTest.toJson())).isEqualTo(underTest);
  }

  @Test
  void storesStateMetadataVersionAndTimestampButNoDelta() {
    assertThat(tree(underTest.toJson()))
        .isEqualTo(
            tree(
                "{'state':{'desired':{'light':{'color':'red'},'slots':[1,2],'ratio':0.5},"
                    + "'reported':{'light':{'color':'blue'},'on':true,'note':'é ☃','fw':'1.0'}},"
                    + "'metadata':{'desired':{'light':{'color':"
                    + stamp(T0)
                    + "},'slots':"
                    + stamp(T0)
                    + ",'ratio':"
                    + stamp(T0)
                    + "},'reported':{'light':{'color':"
                    + stamp(T0)
                    + "},'on':"
                    + stamp(T0)
                    + ",'note':"
                    + stamp(T0)
                    + ",'fw':"
                    + stamp(ONE_MINUTE_LATER)
                    + "}},'version':2,'timestamp':"
                    + ONE_MINUTE_LATER.getEpochSecond()
                    + "}"));
  }

  @Test
  void startsEmptyAtVersionZero() {
    ShadowDocument empty = ShadowDocument.empty();

    assertThat(empty.version()).isZero();
    assertThat(empty.desired()).isEmpty();
    assertThat(empty.delta().isEmpty()).isTrue();
  }

  @Test
  void keepsTimesInWholeSeconds() {
    ShadowDocument result =
        ShadowDocument.empty()
            .apply(update("{'state':{'reported':{'a':1}}}"), T0.plus(Duration.ofMillis(999)));

    assertThat(result.timestamp()).isEqualTo(T0);
  }

  @Test
  void cannotBeChangedThroughItsAccessors() {
    underTest.desired().put("light", "changed");
    underTest.reportedMetadata().removeAll();

    assertThat(underTest.desired().get("light")).isEqualTo(object("{'color':'red'}"));
    assertThat(underTest.reportedMetadata()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{",
        "[]",
        "{'state':{'desired':{},'reported':{}},'metadata':{'desired':{},'reported':{}}}",
        "{'state':{'desired':{}},'metadata':{'desired':{},'reported':{}},'version':1,'timestamp':1}",
        "{'state':{'desired':{},'reported':[]},'metadata':{'desired':{},'reported':{}},"
            + "'version':1,'timestamp':1}"
      })
  void refusesToReadWhatIsNotAStoredShadow(String stored) {
    assertThatThrownBy(() -> ShadowDocument.fromJson(json(stored)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
