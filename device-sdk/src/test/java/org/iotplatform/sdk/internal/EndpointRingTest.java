package org.iotplatform.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.iotplatform.sdk.Endpoint;
import org.junit.jupiter.api.Test;

class EndpointRingTest {

  private static final List<Endpoint> THREE =
      List.of(new Endpoint("a", 1883), new Endpoint("b", 1883), new Endpoint("c", 1883));

  @Test
  void aDeviceStartsAtTheSameHomeEndpointEveryTime() {
    assertThat(new EndpointRing(THREE, "meter-17").current())
        .isEqualTo(new EndpointRing(THREE, "meter-17").current())
        .isEqualTo(THREE.get(Math.floorMod("meter-17".hashCode(), 3)));
  }

  @Test
  void aFleetSpreadsEvenlyOverTheEndpoints() {
    int[] perEndpoint = new int[3];
    IntStream.range(0, 9_000).forEach(i -> perEndpoint[EndpointRing.home("sensor-" + i, 3)]++);
    for (int count : perEndpoint) {
      assertThat(count).isBetween(2_700, 3_300);
    }
  }

  @Test
  void failOverVisitsEveryEndpointInTurn() {
    EndpointRing underTest = new EndpointRing(THREE, "meter-17");
    Endpoint home = underTest.current();

    List<Endpoint> visited = List.of(underTest.next(), underTest.next(), underTest.next());

    assertThat(visited).containsExactlyInAnyOrderElementsOf(THREE);
    assertThat(visited.get(2)).isEqualTo(home);
  }
}
