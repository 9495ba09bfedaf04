/**
 * Web plumbing shared by the platform's Spring services: every error answered as an RFC 9457
 * problem detail carrying a stable {@code errorCode}. Each service keeps its own domain catalogue
 * (an enum implementing {@link org.iotplatform.web.ErrorCode}) and throws {@link
 * org.iotplatform.web.ApiException}; the generic codes are in {@link
 * org.iotplatform.web.CommonError}, and {@link org.iotplatform.web.ProblemDetailsAdvice} is
 * registered by auto-configuration.
 */
@NullMarked
package org.iotplatform.web;

import org.jspecify.annotations.NullMarked;
