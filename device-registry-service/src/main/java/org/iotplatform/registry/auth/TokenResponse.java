package org.iotplatform.registry.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A token, in the field names of an OAuth 2.0 token response (RFC 6749, section 5.1), so that OAuth
 * tooling reads it as it is.
 *
 * @param accessToken the JWT
 * @param tokenType always {@code Bearer}
 * @param expiresIn seconds until it expires
 */
record TokenResponse(
    @JsonProperty("access_token") String accessToken,
    @JsonProperty("token_type") String tokenType,
    @JsonProperty("expires_in") long expiresIn) {}
