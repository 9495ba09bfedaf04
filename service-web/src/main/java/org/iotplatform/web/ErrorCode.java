package org.iotplatform.web;

import org.springframework.http.HttpStatus;

/**
 * One entry of an error catalogue. A service's catalogue is an enum implementing this interface;
 * the generic entries are in {@link CommonError}.
 */
public interface ErrorCode {

  /** The problem-detail property that carries {@link #code()}. */
  String PROPERTY_NAME = "errorCode";

  /** What the entry says; catalogue enums hold one per constant. */
  ErrorSpec spec();

  default HttpStatus status() {
    return spec().status();
  }

  /**
   * The stable identifier sent as {@code errorCode}, {@code <area>.<problem>} in lower case, such
   * as {@code device.not-found}; clients may branch on it, so it never changes.
   */
  default String code() {
    return spec().code();
  }

  /** A short summary, the problem detail's {@code title}. */
  default String title() {
    return spec().title();
  }

  /** What the caller should do about it, one sentence ending with a full stop. */
  default String hint() {
    return spec().hint();
  }
}
