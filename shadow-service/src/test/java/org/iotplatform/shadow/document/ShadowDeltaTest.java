package org.iotplatform.shadow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iotplatform.shadow.document.ShadowFixtures.object;
import static org.iotplatform.shadow.document.ShadowFixtures.stamp;
import static org.iotplatform.shadow.document.ShadowFixtures.update;
import static org.iotplatform.testsupport.TestInstants.ONE_HOUR_LATER;
import static org.iotplatform.testsupport.TestInstants.ONE_MINUTE_LATER;
import static org.iotplatform.testsupport.TestInstants.T0;
import static org.iotplatform.testsupport.TestInstants.TWO_MINUTES_LATER;

import org.junit.jupiter.api.Test;

class ShadowDeltaTest {

  private static ShadowDocument shadow(String desired, String reported) {
    return ShadowDocument.empty()
        .apply(update("{'state':{'desired':" + desired + ",'reported':" + reported + "}}"), T0);
  }

  @Test
  void holdsOnlyTheDifferingKeysOfNestedObjects() {
    ShadowDocument underTest =
        shadow(
            "{'light':{'color':'red','level':3},'mode':'eco'}",
            "{'light':{'color':'red','level':1},'mode':'eco'}");

    assertThat(underTest.delta().state()).isEqualTo(object("{'light':{'level':3}}"));
  }

  @Test
  void holdsDesiredKeysMissingFromReported() {
    ShadowDocument underTest = shadow("{'mode':'eco','light':{'color':'red'}}", "{'light':{}}");

    assertThat(underTest.delta().state())
        .isEqualTo(object("{'mode':'eco','light':{'color':'red'}}"));
  }

  @Test
  void leavesOutKeysOnlyReported() {
    ShadowDocument underTest =
        shadow("{'mode':'eco'}", "{'mode':'eco','battery':80,'light':{'on':true}}");

    assertThat(underTest.delta().isEmpty()).isTrue();
  }

  @Test
  void comparesArraysWhole() {
    ShadowDocument underTest =
        shadow("{'slots':[1,2,3],'same':[1,2]}", "{'slots':[1,2,4],'same':[1,2]}");

    assertThat(underTest.delta().state()).isEqualTo(object("{'slots':[1,2,3]}"));
  }

  @Test
  void comparesNumbersByValue() {
    ShadowDocument underTest = shadow("{'level':1,'ratio':0.50}", "{'level':1.0,'ratio':0.5}");

    assertThat(underTest.delta().isEmpty()).isTrue();
  }

  @Test
  void holdsTheWholeDesiredValueWhenReportedHasAnotherType() {
    ShadowDocument underTest = shadow("{'light':{'on':true}}", "{'light':'on'}");

    assertThat(underTest.delta().state()).isEqualTo(object("{'light':{'on':true}}"));
  }

  @Test
  void isEmptyWhenReportedMatchesDesired() {
    ShadowDocument underTest =
        shadow("{'light':{'color':'red'},'mode':'eco'}", "{'light':{'color':'red'},'mode':'eco'}");

    assertThat(underTest.delta().isEmpty()).isTrue();
    assertThat(underTest.delta().metadata()).isEmpty();
  }

  @Test
  void carriesDesiredTimestampsOfTheDifferingValues() {
    ShadowDocument underTest =
        shadow("{'light':{'color':'red','level':3}}", "{'light':{'color':'red'}}")
            .apply(update("{'state':{'desired':{'light':{'level':4}}}}"), ONE_MINUTE_LATER);

    assertThat(underTest.delta().metadata())
        .isEqualTo(object("{'light':{'level':" + stamp(ONE_MINUTE_LATER) + "}}"));
  }

  @Test
  void keepsEveryDesiredChangeMadeWhileTheDeviceWasOfflineUntilItReports() {
    ShadowDocument online = shadow("{'mode':'eco'}", "{'mode':'eco','fw':'1.0'}");

    ShadowDocument afterTwoOperatorUpdates =
        online
            .apply(update("{'state':{'desired':{'mode':'max'}}}"), ONE_MINUTE_LATER)
            .apply(update("{'state':{'desired':{'fw':'2.0'}}}"), TWO_MINUTES_LATER);

    assertThat(afterTwoOperatorUpdates.delta().state())
        .isEqualTo(object("{'mode':'max','fw':'2.0'}"));

    ShadowDocument afterDeviceReport =
        afterTwoOperatorUpdates.apply(
            update("{'state':{'reported':{'mode':'max','fw':'2.0'}}}"), ONE_HOUR_LATER);

    assertThat(afterDeviceReport.delta().isEmpty()).isTrue();
    assertThat(afterDeviceReport.version()).isEqualTo(4);
  }
}
