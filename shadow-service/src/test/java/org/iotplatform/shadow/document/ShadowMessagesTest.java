package org.iotplatform.shadow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iotplatform.shadow.document.ShadowFixtures.stamp;
import static org.iotplatform.shadow.document.ShadowFixtures.tree;
import static org.iotplatform.shadow.document.ShadowFixtures.update;
import static org.iotplatform.testsupport.TestInstants.ONE_MINUTE_LATER;
import static org.iotplatform.testsupport.TestInstants.T0;

import org.junit.jupiter.api.Test;

class ShadowMessagesTest {

  private static final long T0_SECONDS = T0.getEpochSecond();
  private static final long LATER_SECONDS = ONE_MINUTE_LATER.getEpochSecond();

  private final ShadowDocument first =
      ShadowDocument.empty()
          .apply(update("{'state':{'desired':{'mode':'eco'},'reported':{'mode':'max'}}}"), T0);

  @Test
  void updateAcceptedEchoesTheUpdateWithItsMetadataVersionAndToken() {
    ShadowUpdate update =
        update("{'state':{'desired':{'light':{'on':true},'mode':null}},'clientToken':'c1'}");

    String payload = ShadowMessages.updateAccepted(update, first.apply(update, ONE_MINUTE_LATER));

    assertThat(tree(payload))
        .isEqualTo(
            tree(
                "{'state':{'desired':{'light':{'on':true},'mode':null}},"
                    + "'metadata':{'desired':{'light':{'on':"
                    + stamp(ONE_MINUTE_LATER)
                    + "},'mode':"
                    + stamp(ONE_MINUTE_LATER)
                    + "}},'version':2,'timestamp':"
                    + LATER_SECONDS
                    + ",'clientToken':'c1'}"));
  }

  @Test
  void getAcceptedHoldsTheWholeDocumentAndItsDelta() {
    String payload = ShadowMessages.getAccepted(first, "c2");

    assertThat(tree(payload))
        .isEqualTo(
            tree(
                "{'state':{'desired':{'mode':'eco'},'reported':{'mode':'max'},"
                    + "'delta':{'mode':'eco'}},'metadata':{'desired':{'mode':"
                    + stamp(T0)
                    + "},'reported':{'mode':"
                    + stamp(T0)
                    + "}},'version':1,'timestamp':"
                    + T0_SECONDS
                    + ",'clientToken':'c2'}"));
  }

  @Test
  void deltaHoldsTheDifferenceAndNothingWhenInSync() {
    assertThat(ShadowMessages.delta(first, null).map(ShadowFixtures::tree))
        .contains(
            tree(
                "{'state':{'mode':'eco'},'metadata':{'mode':"
                    + stamp(T0)
                    + "},'version':1,'timestamp':"
                    + T0_SECONDS
                    + "}"));

    ShadowDocument inSync =
        first.apply(update("{'state':{'reported':{'mode':'eco'}}}"), ONE_MINUTE_LATER);
    assertThat(ShadowMessages.delta(inSync, null)).isEmpty();
  }

  @Test
  void documentsHoldsPreviousAndCurrent() {
    ShadowDocument second =
        first.apply(update("{'state':{'reported':{'mode':'eco'}}}"), ONE_MINUTE_LATER);

    String payload = ShadowMessages.documents(first, second, "c3");

    assertThat(tree(payload).get("previous").get("version").asLong()).isEqualTo(1);
    assertThat(tree(payload).get("current"))
        .isEqualTo(
            tree(
                "{'state':{'desired':{'mode':'eco'},'reported':{'mode':'eco'}},"
                    + "'metadata':{'desired':{'mode':"
                    + stamp(T0)
                    + "},'reported':{'mode':"
                    + stamp(ONE_MINUTE_LATER)
                    + "}},'version':2}"));
    assertThat(tree(payload).get("timestamp").asLong()).isEqualTo(LATER_SECONDS);
    assertThat(tree(payload).get("clientToken").asString()).isEqualTo("c3");
  }

  @Test
  void documentsHasNoPreviousForTheFirstVersion() {
    String payload = ShadowMessages.documents(ShadowDocument.empty(), first, null);

    assertThat(tree(payload).get("previous").isNull()).isTrue();
    assertThat(tree(payload).has("clientToken")).isFalse();
  }

  @Test
  void rejectedCarriesCodeMessageTokenAndTimestamp() {
    ShadowRejectedException rejection =
        new ShadowRejectedException(ShadowRejection.VERSION_CONFLICT, "Version 3 is stale.");

    String payload = rejection.toRejectedJson("c4", T0);

    assertThat(tree(payload))
        .isEqualTo(
            tree(
                "{'code':409,'errorCode':'shadow.version-conflict','message':'Version 3 is stale. "
                    + ShadowRejection.VERSION_CONFLICT.hint()
                    + "','timestamp':"
                    + T0_SECONDS
                    + ",'clientToken':'c4'}"));
  }
}
