package org.iotplatform.registry.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.registry.device.CreateDeviceRequest;
import org.iotplatform.registry.device.Location;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class NdjsonLineParserTest {

  private final NdjsonLineParser underTest = new NdjsonLineParser(JsonMapper.builder().build());

  @Test
  void readsTheFieldsOfASingleCreate() {
    ParsedLine parsed =
        underTest.parse(
            "{\"id\": \"t-1\", \"type\": \"meter\", \"name\": \"Hall\", \"labels\": {\"a\": \"b\"},"
                + " \"location\": {\"lat\": 1, \"lon\": 2}, \"metadata\": {\"n\": 3},"
                + " \"firmwareVersion\": \"1.0\"}");

    assertThat(parsed.device())
        .isEqualTo(
            new CreateDeviceRequest(
                "t-1",
                "meter",
                "Hall",
                Map.of("a", "b"),
                new Location(1.0, 2.0),
                Map.of("n", 3),
                "1.0"));
    assertThat(parsed.id()).isEqualTo("t-1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"id\": \"t-1\"", "[1, 2]", "\"text\"", "null", "{} {}", "id,type"})
  void reportsALineThatIsNotOneJsonObject(String line) {
    ParsedLine parsed = underTest.parse(line);

    assertThat(parsed.device()).isNull();
    assertThat(parsed.error()).isEqualTo(RegistryError.BULK_MALFORMED_LINE);
    assertThat(parsed.message()).isNotBlank();
  }

  @Test
  void namesTheIdOfALineWithAWronglyTypedField() {
    ParsedLine parsed = underTest.parse("{\"id\": \"t-1\", \"labels\": [\"a\"]}");

    assertThat(parsed.id()).isEqualTo("t-1");
    assertThat(parsed.error()).isEqualTo(RegistryError.BULK_MALFORMED_LINE);
  }
}
