package org.iotplatform.shadow.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iotplatform.shadow.document.ShadowFixtures.json;
import static org.iotplatform.shadow.document.ShadowFixtures.object;

import java.nio.charset.StandardCharsets;
import org.iotplatform.testsupport.TestInstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShadowUpdateTest {

  private static ShadowUpdate parse(String singleQuoted) {
    return ShadowUpdate.parse(json(singleQuoted).getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRefused(String singleQuoted, ShadowRejection expected) {
    assertThatThrownBy(() -> parse(singleQuoted))
        .isInstanceOfSatisfying(
            ShadowRejectedException.class,
            e -> {
              assertThat(e.rejection()).isEqualTo(expected);
              assertThat(e.rejection().status().value()).isEqualTo(400);
            });
  }

  @Test
  void readsBothPartsVersionAndClientToken() {
    ShadowUpdate underTest =
        parse(
            "{'state':{'desired':{'mode':'eco'},'reported':{'fw':'1.0'}},"
                + "'version':7,'clientToken':'abc'}");

    assertThat(underTest.desired()).isEqualTo(object("{'mode':'eco'}"));
    assertThat(underTest.reported()).isEqualTo(object("{'fw':'1.0'}"));
    assertThat(underTest.clearsDesired()).isFalse();
    assertThat(underTest.version()).isEqualTo(7L);
    assertThat(underTest.clientToken()).isEqualTo("abc");
  }

  @Test
  void takesEitherPartAloneWithoutVersionOrToken() {
    ShadowUpdate underTest = parse("{'state':{'reported':{'fw':'1.0'}}}");

    assertThat(underTest.desired()).isNull();
    assertThat(underTest.reported()).isEqualTo(object("{'fw':'1.0'}"));
    assertThat(underTest.version()).isNull();
    assertThat(underTest.clientToken()).isNull();
  }

  @Test
  void readsNullDesiredAsClearingIt() {
    ShadowUpdate underTest = parse("{'state':{'desired':null}}");

    assertThat(underTest.clearsDesired()).isTrue();
    assertThat(underTest.desired()).isNull();
  }

  @Test
  void acceptsAClientTokenOf64Characters() {
    String token = "t".repeat(64);

    assertThat(parse("{'state':{'reported':{}},'clientToken':'" + token + "'}").clientToken())
        .isEqualTo(token);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{'state':", "not json", "{'state':{'reported':{}}} trailing", ""})
  void refusesMalformedJson(String payload) {
    assertRefused(payload, ShadowRejection.MALFORMED_JSON);
  }

  @Test
  void refusesDuplicateKeys() {
    assertRefused("{'state':{'reported':{'a':1,'a':2}}}", ShadowRejection.MALFORMED_JSON);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[]",
        "{'version':1}",
        "{'state':'on'}",
        "{'state':[{'desired':{}}]}",
        "{'state':{}}",
        "{'state':{'delta':{'a':1}}}",
        "{'state':{'desired':[1,2]}}",
        "{'state':{'desired':'eco'}}",
        "{'state':{'reported':null}}",
        "{'state':{'reported':[1]}}",
        "{'state':{'reported':{}},'version':'7'}",
        "{'state':{'reported':{}},'version':1.5}",
        "{'state':{'reported':{}},'version':-1}",
        "{'state':{'reported':{}},'clientToken':42}"
      })
  void refusesAnUpdateOfTheWrongShape(String payload) {
    assertRefused(payload, ShadowRejection.INVALID_UPDATE);
  }

  @Test
  void refusesAClientTokenLongerThan64Characters() {
    assertRefused(
        "{'state':{'reported':{}},'clientToken':'" + "t".repeat(65) + "'}",
        ShadowRejection.INVALID_UPDATE);
  }

  @Test
  void keepsTheClientTokenOfARefusedUpdateToEchoIt() {
    assertThatThrownBy(() -> parse("{'state':{'desired':[1]},'clientToken':'c9'}"))
        .isInstanceOfSatisfying(
            ShadowRejectedException.class,
            e -> {
              assertThat(e.clientToken()).isEqualTo("c9");
              assertThat(e.toRejectedJson(TestInstants.T0)).contains("\"clientToken\":\"c9\"");
            });
  }

  @Test
  void echoesNoClientTokenThatIsItselfInvalid() {
    assertThatThrownBy(() -> parse("{'state':{},'clientToken':'" + "t".repeat(65) + "'}"))
        .isInstanceOfSatisfying(
            ShadowRejectedException.class, e -> assertThat(e.clientToken()).isNull());
  }

  @Test
  void saysWhatWasWrongAndWhatToDo() {
    assertThatThrownBy(() -> parse("{'state':{'desired':[1]}}"))
        .isInstanceOfSatisfying(
            ShadowRejectedException.class,
            e -> assertThat(e.detail()).contains("\"desired\" is neither", "Send {"));
  }
}
