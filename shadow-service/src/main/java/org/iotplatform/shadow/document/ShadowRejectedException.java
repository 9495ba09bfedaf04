package org.iotplatform.shadow.document;

import java.time.Instant;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A refused shadow request: over REST the shared advice renders it as a problem detail, over MQTT
 * {@link #toRejectedJson} is the {@code /rejected} payload.
 */
public class ShadowRejectedException extends ApiException {

  private final ShadowRejection rejection;
  private final String problem;
  private final @Nullable String clientToken;

  /**
   * @param rejection the catalogue entry
   * @param problem what was wrong with this request; the entry's hint is appended
   */
  public ShadowRejectedException(ShadowRejection rejection, String problem) {
    this(rejection, problem, null);
  }

  private ShadowRejectedException(
      ShadowRejection rejection, String problem, @Nullable String clientToken) {
    super(rejection, problem);
    this.rejection = rejection;
    this.problem = problem;
    this.clientToken = clientToken;
  }

  public ShadowRejection rejection() {
    return rejection;
  }

  /** The refused request's client token, when it could be read, to echo in the answer. */
  public @Nullable String clientToken() {
    return clientToken;
  }

  /** The same refusal, for a request that carried {@code clientToken}. */
  ShadowRejectedException echoing(String clientToken) {
    return new ShadowRejectedException(rejection, problem, clientToken);
  }

  /** The problem and what to do about it, the {@code message} of {@link #toRejectedJson}. */
  public String detail() {
    String detail = getBody().getDetail();
    return detail == null ? rejection.title() : detail;
  }

  /** As {@link #toRejectedJson(String, Instant)} with the request's own {@link #clientToken()}. */
  public String toRejectedJson(Instant now) {
    return toRejectedJson(clientToken, now);
  }

  /**
   * The {@code /rejected} payload as AWS IoT shapes it, {@code
   * {"code":409,"message":"...","timestamp":<epoch seconds>,"clientToken":"..."}}, plus our stable
   * {@code errorCode}.
   *
   * @param clientToken the request's token, echoed when it had one
   */
  public String toRejectedJson(@Nullable String clientToken, Instant now) {
    ObjectNode payload = ShadowJson.MAPPER.createObjectNode();
    payload.put("code", rejection.status().value());
    payload.put("errorCode", rejection.code());
    payload.put("message", detail());
    payload.put("timestamp", now.getEpochSecond());
    if (clientToken != null) {
      payload.put("clientToken", clientToken);
    }
    return ShadowJson.MAPPER.writeValueAsString(payload);
  }
}
