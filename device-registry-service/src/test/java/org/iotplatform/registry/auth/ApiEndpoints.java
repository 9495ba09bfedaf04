package org.iotplatform.registry.auth;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the registry's REST API, read from Spring MVC's handler mappings, so that the
 * tests over all endpoints also cover the endpoints added after them.
 */
final class ApiEndpoints {

  private static final String API = "/api/";
  private static final Set<RequestMethod> WRITES =
      EnumSet.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

  private ApiEndpoints() {}

  /**
   * One method and path pattern of the API, such as {@code PATCH /api/v1/devices/{id}}.
   *
   * @param pattern with Spring's {@code {variable}} placeholders
   */
  record Endpoint(RequestMethod method, String pattern) implements Comparable<Endpoint> {

    boolean isWrite() {
      return WRITES.contains(method);
    }

    boolean hasPathVariable() {
      return pattern.contains("{");
    }

    /** The path with every variable replaced by {@code value}. */
    String path(String value) {
      return pattern.replaceAll("\\{[^}]+}", value);
    }

    @Override
    public int compareTo(Endpoint other) {
      return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
      return method + " " + pattern;
    }
  }

  /** The endpoints below {@code /api/} that need a token; a mapping without methods takes all. */
  static List<Endpoint> securedApi(RequestMappingHandlerMapping mappings) {
    Set<Endpoint> endpoints = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      if (methods.isEmpty()) {
        methods = EnumSet.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.PUT);
        methods.addAll(WRITES);
      }
      for (String pattern : info.getPatternValues()) {
        if (pattern.startsWith(API) && !AuthConfiguration.OPEN_PATHS.contains(pattern)) {
          methods.forEach(method -> endpoints.add(new Endpoint(method, pattern)));
        }
      }
    }
    return List.copyOf(endpoints);
  }
}
