package org.iotplatform.registry.credential;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/devices/{id}/credentials/certificates}.
 *
 * @param csr the device's PKCS#10 CSR in PEM, subject {@code CN=<device id>}; required
 * @param validity how long the certificate is valid (ISO-8601, e.g. {@code P365D}); default from
 *     configuration
 * @param replaces the id of the device's certificate credential this one rotates, or null
 * @param overlap how long the replaced credential keeps working (ISO-8601, e.g. {@code PT24H});
 *     only with {@code replaces}; default from configuration
 */
public record CertificateRequest(
    @Nullable String csr,
    @Nullable Duration validity,
    @Nullable String replaces,
    @Nullable Duration overlap) {}
