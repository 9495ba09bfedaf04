package org.iotplatform.bridge.internal.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iotplatform.bridge.internal.view.TestSnapshots.snapshot;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceViewTest {

  private final DeviceView underTest = new DeviceView(2);

  @Test
  void keepsTheHighestVersion() {
    underTest.apply("d-1", snapshot("d-1", 3));
    underTest.apply("d-1", snapshot("d-1", 2));
    underTest.apply("d-1", snapshot("d-1", 3));

    assertThat(underTest.device("d-1"))
        .hasValueSatisfying(s -> assertThat(s.version()).isEqualTo(3));
  }

  @Test
  void tombstoneRemovesTheDeviceSoARecreatedOneStartsAfresh() {
    underTest.apply("d-1", snapshot("d-1", 5));
    underTest.apply("d-1", null);
    assertThat(underTest.device("d-1")).isEmpty();

    underTest.apply("d-1", snapshot("d-1", 0));
    assertThat(underTest.device("d-1")).isPresent();
  }

  @Test
  void admitsNoNewDevicePastTheBoundButStillUpdatesKnownOnes() {
    underTest.apply("d-1", snapshot("d-1", 1));
    underTest.apply("d-2", snapshot("d-2", 1));

    underTest.apply("d-3", snapshot("d-3", 1));
    underTest.apply("d-1", snapshot("d-1", 2));

    assertThat(underTest.device("d-3")).isEmpty();
    assertThat(underTest.device("d-1").orElseThrow().version()).isEqualTo(2);
  }

  @Test
  void tellsListenersAboutChangesOnly() {
    List<String> changed = new ArrayList<>();
    underTest.onChange(changed::add);

    underTest.apply("d-1", snapshot("d-1", 1));
    underTest.apply("d-1", snapshot("d-1", 1));
    underTest.apply("d-1", null);
    underTest.apply("d-1", null);

    assertThat(changed).containsExactly("d-1", "d-1");
  }
}
