package org.iotplatform.sdk.shadow;

/**
 * The platform refused a shadow request ({@code .../rejected}): for example 400 {@code
 * shadow.invalid-update}, 409 {@code shadow.version-conflict}, 413 {@code shadow.too-large}.
 */
public class ShadowRejectedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int code;
  private final String errorCode;

  public ShadowRejectedException(int code, String errorCode, String message) {
    super(code + " " + errorCode + ": " + message);
    this.code = code;
    this.errorCode = errorCode;
  }

  /** The HTTP-style status: 400, 404, 409, 413, 500... */
  public int code() {
    return code;
  }

  /** The platform's stable error code, for example {@code shadow.version-conflict}. */
  public String errorCode() {
    return errorCode;
  }

  /** Whether the request conflicted with the stored version. */
  public boolean isVersionConflict() {
    return code == 409;
  }
}
