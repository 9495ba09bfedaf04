package org.iotplatform.web.security;

import java.util.List;

/**
 * A service's additions to the platform's role rules, declared as a bean. The platform's rules
 * apply to every other path: GET, HEAD and OPTIONS need {@link Role#VIEWER} or more, any other
 * method {@link Role#OPERATOR} or more; health, info, metrics and the OpenAPI document are open.
 *
 * @param openPaths path patterns anyone may call without a token (such as the token endpoint)
 * @param adminPaths path patterns that need {@link Role#ADMIN} whatever the method
 */
public record AccessRules(List<String> openPaths, List<String> adminPaths) {

  public AccessRules {
    openPaths = List.copyOf(openPaths);
    adminPaths = List.copyOf(adminPaths);
  }
}
