package org.iotplatform.registry.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.registry.device.CreateDeviceRequest;
import org.iotplatform.registry.device.Location;
import org.iotplatform.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvLineParserTest {

  private final CsvLineParser underTest =
      CsvLineParser.forHeader("id,type,name,firmwareVersion,lat,lon,label.site,label.floor");

  @Test
  void readsEveryColumnIntoTheDevice() {
    ParsedLine parsed =
        underTest.parse("t-1,meter,\"Hall, \"\"north\"\"\",2.4.1,52.5,-13.25,berlin,3");

    assertThat(parsed.device())
        .isEqualTo(
            new CreateDeviceRequest(
                "t-1",
                "meter",
                "Hall, \"north\"",
                Map.of("site", "berlin", "floor", "3"),
                new Location(52.5, -13.25),
                null,
                "2.4.1"));
    assertThat(parsed.error()).isNull();
  }

  @Test
  void leavesEmptyCellsAbsent() {
    CreateDeviceRequest device = underTest.parse("t-1,meter,,,,,,").device();

    assertThat(device)
        .isEqualTo(new CreateDeviceRequest("t-1", "meter", null, null, null, null, null));
  }

  @Test
  void takesColumnsInAnyOrderAndOnlyThoseNamed() {
    CsvLineParser parser = CsvLineParser.forHeader("type,id");

    assertThat(parser.parse("meter,t-1").device())
        .isEqualTo(new CreateDeviceRequest("t-1", "meter", null, null, null, null, null));
  }

  @Test
  void reportsACellCountOtherThanTheHeadersWithTheId() {
    ParsedLine parsed = underTest.parse("t-1,meter,x");

    assertThat(parsed.device()).isNull();
    assertThat(parsed.id()).isEqualTo("t-1");
    assertThat(parsed.error()).isEqualTo(RegistryError.BULK_MALFORMED_LINE);
    assertThat(parsed.message()).contains("3 cells", "8 columns");
  }

  @Test
  void reportsAnUnterminatedQuote() {
    ParsedLine parsed = underTest.parse("t-1,meter,\"open,,,,,");

    assertThat(parsed.error()).isEqualTo(RegistryError.BULK_MALFORMED_LINE);
  }

  @Test
  void reportsACoordinateThatIsNotANumber() {
    ParsedLine parsed = underTest.parse("t-1,meter,,,north,1,,");

    assertThat(parsed.id()).isEqualTo("t-1");
    assertThat(parsed.error()).isEqualTo(RegistryError.DEVICE_INVALID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"id,name", "type,name", "id,type,colour", "id,type,id", "id,type,label."})
  void refusesAHeaderWithoutIdAndTypeOrWithAnUnknownOrRepeatedColumn(String header) {
    assertThatThrownBy(() -> CsvLineParser.forHeader(header))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.error()).isEqualTo(RegistryError.BULK_INVALID_HEADER));
  }
}
