package org.iotplatform.web;

import org.springframework.http.HttpStatus;

/**
 * The content of one error catalogue entry ({@link ErrorCode}).
 *
 * @param status the HTTP status of the problem detail
 * @param code the stable {@code errorCode}, {@code <area>.<problem>} in lower case
 * @param title a short summary, the problem detail's {@code title}
 * @param hint what the caller should do about it
 */
public record ErrorSpec(HttpStatus status, String code, String title, String hint) {}
