package org.iotplatform.web.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The role rules of a service, in one place: which paths are open, and which role every other
 * request needs. Rules go by method rather than by endpoint, so that an endpoint added later is
 * covered without anyone remembering to list it.
 */
final class AccessPolicy implements AuthorizationManager<RequestAuthorizationContext> {

  /** What every service leaves open: probes, metrics, the API description, the error page. */
  static final List<String> PLATFORM_OPEN_PATHS =
      List.of(
          "/actuator/health",
          "/actuator/health/**",
          "/actuator/info",
          "/actuator/prometheus",
          "/v3/api-docs",
          "/v3/api-docs/**",
          "/error");

  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final RequestMatcher open;
  private final @Nullable RequestMatcher admin;

  AccessPolicy(List<AccessRules> rules) {
    List<String> openPaths = new ArrayList<>(PLATFORM_OPEN_PATHS);
    List<String> adminPaths = new ArrayList<>();
    for (AccessRules rule : rules) {
      openPaths.addAll(rule.openPaths());
      adminPaths.addAll(rule.adminPaths());
    }
    this.open = matcher(openPaths);
    this.admin = adminPaths.isEmpty() ? null : matcher(adminPaths);
  }

  /** The requests anyone may make without a token. */
  RequestMatcher openPaths() {
    return open;
  }

  /** The weakest role that may make this (not open) request. */
  Role requiredRole(HttpServletRequest request) {
    if (admin != null && admin.matches(request)) {
      return Role.ADMIN;
    }
    return READ_METHODS.contains(request.getMethod()) ? Role.VIEWER : Role.OPERATOR;
  }

  @Override
  public AuthorizationResult authorize(
      Supplier<? extends @Nullable Authentication> authentication,
      RequestAuthorizationContext context) {
    Authentication caller = authentication.get();
    if (caller == null
        || !caller.isAuthenticated()
        || caller instanceof AnonymousAuthenticationToken) {
      return new AuthorizationDecision(false);
    }
    Role required = requiredRole(context.getRequest());
    return new AuthorizationDecision(
        roles(caller).stream().anyMatch(role -> role.includes(required)));
  }

  static Set<Role> roles(Authentication caller) {
    return caller.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(authority -> authority != null)
        .flatMap(authority -> Role.fromAuthority(authority).stream())
        .collect(Collectors.toUnmodifiableSet());
  }

  private static RequestMatcher matcher(List<String> patterns) {
    PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
    return new OrRequestMatcher(
        patterns.stream().map(pattern -> (RequestMatcher) paths.matcher(pattern)).toList());
  }
}
