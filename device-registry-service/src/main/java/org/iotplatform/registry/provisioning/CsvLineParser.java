package org.iotplatform.registry.provisioning;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.registry.device.CreateDeviceRequest;
import org.iotplatform.registry.device.Location;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * CSV lines after a header row naming the columns: {@code id} and {@code type} (required), {@code
 * name}, {@code firmwareVersion}, {@code lat}, {@code lon}, and {@code label.<key>} for each label,
 * in any order. Cells are parsed by Jackson's CSV format (RFC 4180 quoting), one line at a time: a
 * record cannot span lines, which keeps line numbers exact and the line size limit meaningful. An
 * empty cell leaves the field absent (an existing device keeps its value).
 */
final class CsvLineParser implements LineParser {

  static final String LABEL_PREFIX = "label.";

  private static final Set<String> FIELDS =
      Set.of("id", "type", "name", "firmwareVersion", "lat", "lon");

  private static final ObjectReader CELLS =
      CsvMapper.builder().enable(CsvReadFeature.TRIM_SPACES).build().readerFor(String[].class);

  private final List<String> columns;
  private final int id;
  private final int type;
  private final int name;
  private final int firmwareVersion;
  private final int lat;
  private final int lon;

  private CsvLineParser(List<String> columns) {
    this.columns = columns;
    this.id = columns.indexOf("id");
    this.type = columns.indexOf("type");
    this.name = columns.indexOf("name");
    this.firmwareVersion = columns.indexOf("firmwareVersion");
    this.lat = columns.indexOf("lat");
    this.lon = columns.indexOf("lon");
  }

  /** The parser for the lines after this header row; a bad header is a 400 problem. */
  static CsvLineParser forHeader(String header) {
    String[] cells;
    try {
      cells = CELLS.readValue(header);
    } catch (JacksonException e) {
      throw invalidHeader("The header row is not CSV: " + e.getOriginalMessage());
    }
    Set<String> seen = new HashSet<>();
    for (String column : cells) {
      if (!FIELDS.contains(column)
          && !(column.startsWith(LABEL_PREFIX) && column.length() > LABEL_PREFIX.length())) {
        throw invalidHeader("Unknown column '" + column + "'.");
      }
      if (!seen.add(column)) {
        throw invalidHeader("Column '" + column + "' appears twice.");
      }
    }
    if (!seen.contains("id") || !seen.contains("type")) {
      throw invalidHeader("The header row must name the columns id and type.");
    }
    return new CsvLineParser(List.of(cells));
  }

  @Override
  public ParsedLine parse(String line) {
    String[] cells;
    try {
      cells = CELLS.readValue(line);
    } catch (JacksonException e) {
      return ParsedLine.failed(
          null,
          RegistryError.BULK_MALFORMED_LINE,
          "The line is not CSV: " + e.getOriginalMessage());
    }
    String deviceId = cells.length > id ? cell(cells, id) : null;
    if (cells.length != columns.size()) {
      return ParsedLine.failed(
          deviceId,
          RegistryError.BULK_MALFORMED_LINE,
          "The line has " + cells.length + " cells, the header " + columns.size() + " columns.");
    }
    Location location;
    try {
      Double latitude = number(cells, lat);
      Double longitude = number(cells, lon);
      location = latitude == null && longitude == null ? null : new Location(latitude, longitude);
    } catch (NumberFormatException e) {
      return ParsedLine.failed(
          deviceId, RegistryError.DEVICE_INVALID, "lat and lon must be decimal numbers.");
    }
    return ParsedLine.of(
        new CreateDeviceRequest(
            deviceId,
            cell(cells, type),
            cell(cells, name),
            labels(cells),
            location,
            null,
            cell(cells, firmwareVersion)));
  }

  /** The labels of the non-empty label cells; null (absent) when there are none. */
  private @Nullable Map<String, String> labels(String[] cells) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (int i = 0; i < cells.length; i++) {
      String value = cell(cells, i);
      if (value != null && columns.get(i).startsWith(LABEL_PREFIX)) {
        labels.put(columns.get(i).substring(LABEL_PREFIX.length()), value);
      }
    }
    return labels.isEmpty() ? null : labels;
  }

  private static @Nullable String cell(String[] cells, int index) {
    if (index < 0) {
      return null;
    }
    String value = cells[index];
    return value == null || value.isEmpty() ? null : value;
  }

  private static @Nullable Double number(String[] cells, int index) {
    String value = cell(cells, index);
    return value == null ? null : Double.valueOf(value);
  }

  private static ApiException invalidHeader(String problem) {
    return new ApiException(RegistryError.BULK_INVALID_HEADER, problem);
  }
}
