package org.iotplatform.registry.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class LocationBoxTest {

  @Test
  void acceptsTheWholeGlobe() {
    assertThat(new LocationBox(-90, 90, -180, 180).maxLon()).isEqualTo(180);
  }

  @Test
  void acceptsABoxOfOnePoint() {
    assertThat(new LocationBox(1, 1, 2, 2).minLat()).isEqualTo(1);
  }

  @Test
  void refusesLatitudesOutsideTheGlobe() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LocationBox(-90.1, 0, 0, 1))
        .withMessageContaining("minLat");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LocationBox(0, 90.1, 0, 1))
        .withMessageContaining("maxLat");
  }

  @Test
  void refusesLongitudesOutsideTheGlobe() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LocationBox(0, 1, -180.1, 0))
        .withMessageContaining("minLon");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LocationBox(0, 1, 0, 180.1))
        .withMessageContaining("maxLon");
  }

  @Test
  void refusesNotANumber() {
    assertThatIllegalArgumentException().isThrownBy(() -> new LocationBox(Double.NaN, 1, 0, 1));
  }

  @Test
  void refusesMinimumsAboveMaximums() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LocationBox(2, 1, 0, 1))
        .withMessageContaining("minLat");
    // No wrapping around the antimeridian: 170 to -170 is refused, not read as 20 degrees wide.
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LocationBox(0, 1, 170, -170))
        .withMessageContaining("minLon");
  }

  @Test
  void isAbsentWhenNoBoundIsGiven() {
    assertThat(LocationBox.of(null, null, null, null)).isNull();
  }

  @Test
  void refusesSomeBoundsWithoutTheOthers() {
    assertThatIllegalArgumentException().isThrownBy(() -> LocationBox.of(1.0, 2.0, null, 3.0));
  }
}
