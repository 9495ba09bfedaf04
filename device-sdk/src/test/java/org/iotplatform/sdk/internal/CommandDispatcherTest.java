package org.iotplatform.sdk.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.iotplatform.sdk.CommandResult;
import org.junit.jupiter.api.Test;

class CommandDispatcherTest {

  private final List<String> responses = new ArrayList<>();
  private final CommandDispatcher underTest =
      new CommandDispatcher(payload -> responses.add(new String(payload, UTF_8)));

  @Test
  void callsTheHandlerWithTheParamsAndPublishesItsResult() {
    underTest.register(
        "reboot",
        command ->
            CommandResult.succeeded(
                Map.of("delay", command.params().get("delay"), "id", command.commandId())));

    underTest.dispatch(
        "{\"commandId\":\"c-1\",\"name\":\"reboot\",\"params\":{\"delay\":5}}".getBytes(UTF_8));

    assertThat(responses).hasSize(1);
    assertThat(responses.get(0))
        .startsWith("{\"commandId\":\"c-1\",\"status\":\"succeeded\",\"result\":{")
        .contains("\"delay\":5", "\"id\":\"c-1\"");
  }

  @Test
  void rejectsACommandWithoutAHandler() {
    underTest.dispatch("{\"commandId\":\"c-2\",\"name\":\"selfDestruct\"}".getBytes(UTF_8));

    assertThat(responses)
        .containsExactly(
            "{\"commandId\":\"c-2\",\"status\":\"rejected\","
                + "\"message\":\"unknown command: selfDestruct\"}");
  }

  @Test
  void answersAFailingHandlerWithFailedAndItsMessage() {
    underTest.register(
        "calibrate",
        command -> {
          throw new IllegalStateException("sensor busy");
        });

    underTest.dispatch("{\"commandId\":\"c-3\",\"name\":\"calibrate\"}".getBytes(UTF_8));

    assertThat(responses)
        .containsExactly(
            "{\"commandId\":\"c-3\",\"status\":\"failed\",\"message\":\"sensor busy\"}");
  }

  @Test
  void ignoresMalformedCommandsItCannotAnswer() {
    underTest.dispatch("not json".getBytes(UTF_8));
    underTest.dispatch("[1,2]".getBytes(UTF_8));
    underTest.dispatch("{\"name\":\"reboot\"}".getBytes(UTF_8));

    assertThat(responses).isEmpty();
  }

  @Test
  void keepsNullParamsInsteadOfFailing() {
    underTest.register("set", command -> CommandResult.succeeded(command.params()));

    underTest.dispatch(
        "{\"commandId\":\"c-4\",\"name\":\"set\",\"params\":{\"mode\":null}}".getBytes(UTF_8));

    assertThat(responses).singleElement().asString().contains("\"mode\":null");
  }
}
