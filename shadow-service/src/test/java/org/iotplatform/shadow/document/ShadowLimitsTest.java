package org.iotplatform.shadow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iotplatform.shadow.document.ShadowFixtures.update;
import static org.iotplatform.testsupport.TestInstants.T0;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ShadowLimitsTest {

  private final ShadowDocument underTest = ShadowDocument.empty();

  private static String nested(int levels) {
    return "{'a':".repeat(levels) + "1" + "}".repeat(levels);
  }

  private static String stringOf(int length) {
    return "x".repeat(length);
  }

  @Test
  void defaultsTo64KibEightLevelsAnd128CharacterKeys() {
    assertThat(ShadowLimits.DEFAULTS).isEqualTo(new ShadowLimits(65_536, 8, 128));
  }

  @Test
  void acceptsAStateExactlyAsDeepAsAllowed() {
    ShadowDocument result = underTest.apply(update("{'state':{'reported':" + nested(8) + "}}"), T0);

    assertThat(result.version()).isEqualTo(1);
  }

  @Test
  void refusesAStateDeeperThanAllowed() {
    assertThatThrownBy(() -> underTest.apply(update("{'state':{'desired':" + nested(9) + "}}"), T0))
        .isInstanceOfSatisfying(
            ShadowRejectedException.class,
            e -> {
              assertThat(e.rejection()).isEqualTo(ShadowRejection.TOO_DEEP);
              assertThat(e.rejection().status().value()).isEqualTo(400);
            });
  }

  @Test
  void countsArraysAsLevels() {
    ShadowLimits twoLevels = new ShadowLimits(65_536, 2, 128);

    assertThatThrownBy(
            () -> underTest.apply(update("{'state':{'desired':{'a':[[1]]}}}"), T0, twoLevels))
        .isInstanceOfSatisfying(
            ShadowRejectedException.class,
            e -> assertThat(e.rejection()).isEqualTo(ShadowRejection.TOO_DEEP));
  }

  @Test
  void acceptsAKeyExactlyAsLongAsAllowed() {
    ShadowDocument result =
        underTest.apply(update("{'state':{'desired':{'" + stringOf(128) + "':1}}}"), T0);

    assertThat(result.desired().has(stringOf(128))).isTrue();
  }

  @Test
  void refusesANestedKeyLongerThanAllowed() {
    assertThatThrownBy(
            () ->
                underTest.apply(
                    update("{'state':{'reported':{'a':{'" + stringOf(129) + "':1}}}}"), T0))
        .isInstanceOfSatisfying(
            ShadowRejectedException.class,
            e -> {
              assertThat(e.rejection()).isEqualTo(ShadowRejection.KEY_TOO_LONG);
              assertThat(e.rejection().status().value()).isEqualTo(400);
            });
  }

  @Test
  void refusesAnUpdateWhoseStoredResultWouldBeTooLarge() {
    ShadowDocument half =
        underTest.apply(update("{'state':{'desired':{'a':'" + stringOf(33_000) + "'}}}"), T0);

    assertThatThrownBy(
            () -> half.apply(update("{'state':{'reported':{'b':'" + stringOf(33_000) + "'}}}"), T0))
        .isInstanceOfSatisfying(
            ShadowRejectedException.class,
            e -> {
              assertThat(e.rejection()).isEqualTo(ShadowRejection.TOO_LARGE);
              assertThat(e.rejection().status().value()).isEqualTo(413);
            });
  }

  @Test
  void measuresTheStoredDocumentMetadataIncluded() {
    ShadowDocument stored = underTest.apply(update("{'state':{'desired':{'a':1}}}"), T0);
    int storedBytes = stored.toJson().getBytes(StandardCharsets.UTF_8).length;

    ShadowLimits exactly = new ShadowLimits(storedBytes, 8, 128);
    ShadowLimits oneByteLess = new ShadowLimits(storedBytes - 1, 8, 128);

    assertThat(underTest.apply(update("{'state':{'desired':{'a':1}}}"), T0, exactly).version())
        .isEqualTo(1);
    assertThatThrownBy(
            () -> underTest.apply(update("{'state':{'desired':{'a':1}}}"), T0, oneByteLess))
        .isInstanceOfSatisfying(
            ShadowRejectedException.class,
            e -> assertThat(e.rejection()).isEqualTo(ShadowRejection.TOO_LARGE));
  }

  @Test
  void acceptsAnUpdateThatShrinksAnOverLargeDocumentBelowTheLimit() {
    ShadowDocument large =
        underTest.apply(update("{'state':{'desired':{'a':'" + stringOf(1_000) + "'}}}"), T0);
    ShadowLimits small = new ShadowLimits(500, 8, 128);

    ShadowDocument result = large.apply(update("{'state':{'desired':{'a':null}}}"), T0, small);

    assertThat(result.desired()).isEmpty();
  }
}
