package org.iotplatform.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.iotplatform.web.ApiException;
import org.iotplatform.web.CommonError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Answers refused requests as the rest of the API answers errors: problem details rendered by the
 * service's exception handlers ({@code ProblemDetailsAdvice}), with {@code auth.unauthenticated}
 * (401), {@code auth.forbidden} (403), or {@code service.unavailable} (503) when the issuer's keys
 * cannot be fetched. The {@code WWW-Authenticate} header follows RFC 6750.
 */
final class SecurityProblems
    implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

  private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);

  private final ObjectProvider<HandlerExceptionResolver> resolver;
  private final AccessPolicy policy;

  SecurityProblems(ObjectProvider<HandlerExceptionResolver> resolver, AccessPolicy policy) {
    this.resolver = resolver;
    this.policy = policy;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    boolean invalidToken = failure instanceof OAuth2AuthenticationException;
    String problem =
        invalidToken
            ? "The bearer token was refused: " + describe((OAuth2AuthenticationException) failure)
            : "The request carries no bearer token.";
    ApiException error = new ApiException(CommonError.AUTH_UNAUTHENTICATED, problem);
    error
        .getHeaders()
        .set(
            HttpHeaders.WWW_AUTHENTICATE,
            invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer");
    render(request, response, error);
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    if (failure instanceof AuthenticationServiceException) {
      // The token could not be checked at all (the issuer's JWK Set is unreachable): not the
      // caller's fault, so not a 401 that would make a client drop a good token.
      log.warn("Cannot validate bearer tokens: {}", failure.getMessage());
      render(
          request,
          response,
          new ApiException(
              CommonError.SERVICE_UNAVAILABLE,
              "The keys that sign tokens cannot be fetched right now."));
      return;
    }
    commence(request, response, failure);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    Set<String> held = new TreeSet<>();
    if (caller != null) {
      AccessPolicy.roles(caller).forEach(role -> held.add(role.claimValue()));
    }
    Role required = policy.requiredRole(request);
    ApiException error =
        new ApiException(
            CommonError.AUTH_FORBIDDEN,
            request.getMethod()
                + " "
                + request.getRequestURI()
                + " needs the role "
                + required.claimValue()
                + " or a stronger one; the token carries "
                + (held.isEmpty() ? "no platform role" : "the roles " + held)
                + ".");
    error.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
    render(request, response, error);
  }

  private static String describe(OAuth2AuthenticationException failure) {
    String description = failure.getError().getDescription();
    return description != null ? description : failure.getError().getErrorCode();
  }

  private void render(HttpServletRequest request, HttpServletResponse response, ApiException error)
      throws IOException {
    HandlerExceptionResolver handlers = resolver.getIfAvailable();
    if (handlers == null || handlers.resolveException(request, response, null, error) == null) {
      // No Spring MVC to render with (never the case in a platform service): status only.
      error
          .getHeaders()
          .forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
      response.sendError(error.getStatusCode().value(), error.getBody().getDetail());
    }
  }
}
