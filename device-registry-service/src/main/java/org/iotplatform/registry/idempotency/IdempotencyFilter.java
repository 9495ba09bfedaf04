package org.iotplatform.registry.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.registry.idempotency.IdempotencyKeyRepository.Held;
import org.iotplatform.registry.idempotency.IdempotencyKeyRepository.StoredResponse;
import org.iotplatform.registry.tenant.CurrentTenant;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UrlPathHelper;

/**
 * Answers a retried request with the answer its first try got, for {@code POST}s to the guarded
 * paths that carry an {@code Idempotency-Key}:
 *
 * <ul>
 *   <li>a new key is claimed (a row in {@code idempotency_keys}), the request runs, and a 2xx
 *       answer is stored with the request's fingerprint; any other answer releases the key, since a
 *       refused request changed nothing and may run again once its cause is fixed;
 *   <li>a key with a stored answer and the same fingerprint gets that answer again, with {@code
 *       Idempotent-Replayed: true}; another fingerprint is a 422 {@code idempotency.key-reused};
 *   <li>a key whose request still runs is a 409 {@code idempotency.in-progress}: concurrent retries
 *       never run twice.
 * </ul>
 *
 * <p>It must run after authentication, since the key belongs to the caller's tenant.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  static final String REPLAYED = "Idempotent-Replayed";

  private static final Set<String> STORED_HEADERS =
      Set.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.LOCATION, HttpHeaders.ETAG);

  private final Set<String> paths;
  private final IdempotencyKeyRepository keys;
  private final CurrentTenant tenant;
  private final IdempotencyProperties properties;
  private final Clock clock;
  private final HandlerExceptionResolver errors;
  private final UrlPathHelper pathHelper = new UrlPathHelper();

  /**
   * @param paths the paths (within the application) whose POSTs take a key
   * @param errors renders this filter's refusals as the problem details the controllers' errors are
   */
  IdempotencyFilter(
      Set<String> paths,
      IdempotencyKeyRepository keys,
      CurrentTenant tenant,
      IdempotencyProperties properties,
      Clock clock,
      HandlerExceptionResolver errors) {
    this.paths = Set.copyOf(paths);
    this.keys = keys;
    this.tenant = tenant;
    this.properties = properties;
    this.clock = clock;
    this.errors = errors;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || request.getHeader(HEADER) == null
        || !paths.contains(pathHelper.getPathWithinApplication(request));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String tenantId;
    String key;
    @Nullable UUID token;
    try {
      key = IdempotencyKeys.check(String.valueOf(request.getHeader(HEADER)));
      tenantId = tenant.id();
      token = claimOrReplay(tenantId, key, request, response);
    } catch (ApiException e) {
      errors.resolveException(request, response, null, e);
      return;
    }
    if (token != null) {
      run(tenantId, key, token, request, response, chain);
    }
  }

  /** Claims the key and returns the claim, or answers from the key and returns null. */
  private @Nullable UUID claimOrReplay(
      String tenantId, String key, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    // Twice at most: the cleanup may delete an expired key between a failed claim and the read.
    for (int attempt = 0; attempt < 2; attempt++) {
      Instant now = clock.instant();
      UUID token =
          keys.claim(
              tenantId, key, now, now.minus(properties.lease()), now.plus(properties.retention()));
      if (token != null) {
        return token;
      }
      Held held = keys.find(tenantId, key);
      if (held == null) {
        continue;
      }
      StoredResponse stored = held.response();
      if (stored == null) {
        throw new ApiException(
            RegistryError.IDEMPOTENCY_IN_PROGRESS,
            "A request with Idempotency-Key '" + key + "' is still running.");
      }
      byte[] fingerprint = new FingerprintingRequest(request).fingerprint();
      if (!MessageDigest.isEqual(fingerprint, stored.requestHash())) {
        throw new ApiException(
            RegistryError.IDEMPOTENCY_KEY_REUSED,
            "Idempotency-Key '"
                + key
                + "' was sent with another request (method, path, query, Content-Type or body"
                + " differ).");
      }
      replay(stored, response);
      return null;
    }
    throw new IllegalStateException(
        "Idempotency-Key '" + key + "' could be neither claimed nor read");
  }

  private void run(
      String tenantId,
      String key,
      UUID token,
      HttpServletRequest request,
      HttpServletResponse response,
      FilterChain chain)
      throws ServletException, IOException {
    FingerprintingRequest fingerprinting = new FingerprintingRequest(request);
    // Buffers the answer to store it; answers of these endpoints are small (a device, a report
    // with a bounded list of failures).
    ContentCachingResponseWrapper caching = new ContentCachingResponseWrapper(response);
    boolean stored = false;
    try {
      chain.doFilter(fingerprinting, caching);
      int status = caching.getStatus();
      if (status >= 200 && status < 300) {
        keys.complete(
            tenantId,
            key,
            token,
            new StoredResponse(
                fingerprinting.fingerprint(),
                status,
                headers(caching),
                caching.getContentAsByteArray()));
        stored = true;
      }
    } finally {
      if (!stored) {
        keys.release(tenantId, key, token);
      }
      caching.copyBodyToResponse();
    }
  }

  private static Map<String, String> headers(HttpServletResponse response) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (String name : STORED_HEADERS) {
      String value =
          name.equals(HttpHeaders.CONTENT_TYPE)
              ? response.getContentType()
              : response.getHeader(name);
      if (value != null) {
        headers.put(name, value);
      }
    }
    return headers;
  }

  private static void replay(StoredResponse stored, HttpServletResponse response)
      throws IOException {
    response.setStatus(stored.status());
    stored.headers().forEach(response::setHeader);
    response.setHeader(REPLAYED, "true");
    response.setContentLength(stored.body().length);
    response.getOutputStream().write(stored.body());
  }
}
