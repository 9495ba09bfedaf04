package org.iotplatform.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.hivemq.extension.sdk.api.parameter.ExtensionInformation;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up failures only: a successful start needs a broker and is covered by the IT. */
class IngestionBridgeMainTest {

  @TempDir Path home;

  @Test
  void preventsItsStartupWithTheReasonWhenTheConfigurationIsInvalid() {
    AtomicBoolean producerCreated = new AtomicBoolean();
    IngestionBridgeMain underTest =
        new IngestionBridgeMain(
            folder -> BridgeConfigLoader.load(folder.resolve("conf/config.properties"), Map.of()),
            config -> {
              producerCreated.set(true);
              throw new AssertionError("no producer without configuration");
            });
    ExtensionStartOutput output = mock(ExtensionStartOutput.class);

    underTest.extensionStart(startInput(), output);

    verify(output).preventExtensionStartup(contains("kafka.bootstrap.servers"));
    assertThat(producerCreated).isFalse();
    underTest.extensionStop(mock(ExtensionStopInput.class), mock(ExtensionStopOutput.class));
  }

  private ExtensionStartInput startInput() {
    ExtensionStartInput input = mock(ExtensionStartInput.class);
    ExtensionInformation information = mock(ExtensionInformation.class);
    when(input.getExtensionInformation()).thenReturn(information);
    when(information.getExtensionHomeFolder()).thenReturn(home.toFile());
    return input;
  }
}
