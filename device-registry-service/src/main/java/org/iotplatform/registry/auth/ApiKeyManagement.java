package org.iotplatform.registry.auth;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.iotplatform.registry.RegistryError;
import org.iotplatform.web.ApiException;
import org.iotplatform.web.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** API keys of a tenant; every method but {@link #authenticate} takes the tenant. */
@Service
class ApiKeyManagement {

  private static final int MAX_NAME_LENGTH = 200;

  private final ApiKeyRepository repository;
  private final Clock clock;

  ApiKeyManagement(ApiKeyRepository repository, Clock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @Transactional
  CreatedApiKeyResponse create(String tenant, CreateApiKeyRequest request, String createdBy) {
    String name = name(request.name());
    Role role = role(request.role());
    ApiKeySecret key = ApiKeySecret.generate();
    ApiKeyEntity created =
        repository.saveAndFlush(new ApiKeyEntity(key, tenant, name, role, now(), createdBy));
    ApiKeyResponse response = created.toResponse();
    return new CreatedApiKeyResponse(
        response.id(),
        response.name(),
        response.role(),
        response.createdAt(),
        response.createdBy(),
        key.text());
  }

  @Transactional(readOnly = true)
  List<ApiKeyResponse> list(String tenant) {
    return repository.findByTenantIdOrderByCreatedAtAscIdAsc(tenant).stream()
        .map(ApiKeyEntity::toResponse)
        .toList();
  }

  @Transactional(readOnly = true)
  ApiKeyResponse get(String tenant, String id) {
    return find(tenant, id).toResponse();
  }

  /** Revokes the key; revoking a revoked key changes nothing. Tokens already issued run out. */
  @Transactional
  ApiKeyResponse revoke(String tenant, String id) {
    ApiKeyEntity key = find(tenant, id);
    key.revoke(now());
    return key.toResponse();
  }

  /**
   * The key that {@code text} presents, if it is known, not revoked and its secret matches.
   *
   * @throws ApiException {@code auth.invalid-api-key} otherwise, saying the same whatever failed
   */
  @Transactional
  AuthenticatedKey authenticate(String text) {
    Optional<ApiKeyEntity> found =
        ApiKeySecret.parse(text)
            .flatMap(
                presented ->
                    repository
                        .findById(presented.id())
                        .filter(key -> !key.isRevoked() && key.verifies(presented.secret())));
    ApiKeyEntity key =
        found.orElseThrow(
            () ->
                new ApiException(
                    RegistryError.AUTH_INVALID_API_KEY,
                    "The API key is unknown, revoked or wrong."));
    key.used(now());
    return new AuthenticatedKey(key.getId(), key.tenantId(), key.role());
  }

  /** Whether {@code text} is a working key of {@code tenant} with {@code role}; no side effect. */
  @Transactional(readOnly = true)
  boolean works(String text, String tenant, Role role) {
    return ApiKeySecret.parse(text)
        .flatMap(
            presented ->
                repository
                    .findByTenantIdAndId(tenant, presented.id())
                    .filter(
                        key ->
                            !key.isRevoked()
                                && key.role() == role
                                && key.verifies(presented.secret())))
        .isPresent();
  }

  private ApiKeyEntity find(String tenant, String id) {
    return repository
        .findByTenantIdAndId(tenant, id)
        .orElseThrow(
            () ->
                new ApiException(
                    RegistryError.API_KEY_NOT_FOUND, "There is no API key '" + id + "'."));
  }

  private static String name(@Nullable String name) {
    if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
      throw new ApiException(
          RegistryError.API_KEY_INVALID, "'name' must be 1 to 200 characters, not blank.");
    }
    return name.strip();
  }

  private static Role role(@Nullable String role) {
    return Optional.ofNullable(role)
        .flatMap(Role::fromClaimValue)
        .orElseThrow(
            () ->
                new ApiException(
                    RegistryError.API_KEY_INVALID,
                    "'role' must be one of viewer, operator, admin, not " + role + "."));
  }

  private Instant now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
  }

  /** Who a valid key speaks for. */
  record AuthenticatedKey(String id, String tenant, Role role) {}
}
