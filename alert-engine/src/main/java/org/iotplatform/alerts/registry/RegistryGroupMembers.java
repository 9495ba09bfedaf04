package org.iotplatform.alerts.registry;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iotplatform.alerts.GroupMembers;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pages through the registry's {@code GET /api/v1/devices?group=...} (ordered by id) with the
 * caller's token, so that the registry decides what the caller may see. The registry answers an
 * unknown group with 404 or 422: empty. A group larger than {@link
 * RegistryProperties#maxGroupMembers()} is refused (422) without reading further.
 */
class RegistryGroupMembers implements GroupMembers {

  /** The registry's largest page. */
  static final int PAGE_SIZE = 500;

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final HttpClient http;
  private final RegistryProperties properties;

  RegistryGroupMembers(HttpClient http, RegistryProperties properties) {
    this.http = http;
    this.properties = properties;
  }

  @Override
  public Optional<List<String>> members(String group, String bearerToken) {
    List<String> members = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = page(group, cursor, bearerToken);
      if (page == null) {
        return Optional.empty();
      }
      JsonNode items = page.path("items");
      for (JsonNode device : items) {
        members.add(device.path("id").asString());
      }
      if (members.size() > properties.maxGroupMembers()) {
        throw new ApiException(
            RegistryCallError.GROUP_TOO_LARGE,
            "Group "
                + group
                + " has more than "
                + properties.maxGroupMembers()
                + " devices, the most a scope may hold.");
      }
      JsonNode next = page.path("nextCursor");
      // An empty page ends the list even if it names a next one: no loop on a confused answer.
      cursor = next.isString() && !items.isEmpty() ? next.stringValue() : null;
    } while (cursor != null);
    return Optional.of(List.copyOf(members));
  }

  /** One page, or null when the registry does not know the group. */
  private @Nullable JsonNode page(String group, @Nullable String cursor, String bearerToken) {
    String query =
        "group="
            + encode(group)
            + "&limit="
            + PAGE_SIZE
            + (cursor == null ? "" : "&cursor=" + encode(cursor));
    HttpRequest request =
        HttpRequest.newBuilder(properties.baseUrl().resolve("/api/v1/devices?" + query))
            .timeout(properties.timeout())
            .header("Authorization", "Bearer " + bearerToken)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw unavailable("the registry did not answer (" + e.getMessage() + ").", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted.", e);
    }
    if (response.statusCode() == 404 || response.statusCode() == 422) {
      return null;
    }
    if (response.statusCode() != 200) {
      throw unavailable("the registry answered " + response.statusCode() + ".", null);
    }
    try {
      return MAPPER.readTree(response.body());
    } catch (JacksonException e) {
      throw unavailable("the registry's answer was not JSON.", e);
    }
  }

  private static ApiException unavailable(String why, @Nullable Throwable cause) {
    return new ApiException(
        RegistryCallError.REGISTRY_UNAVAILABLE,
        "Reading the group's members failed: " + why,
        cause);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
