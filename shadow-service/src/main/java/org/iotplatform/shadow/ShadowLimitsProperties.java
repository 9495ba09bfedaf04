package org.iotplatform.shadow;

import org.iotplatform.shadow.document.ShadowLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a shadow may hold; an update whose result breaks a limit is refused (413 or 400).
 *
 * @param maxStoredBytes the most UTF-8 bytes of the stored document, metadata included
 * @param maxDepth the most levels of objects and arrays below desired or reported
 * @param maxKeyLength the most characters of any key
 */
@ConfigurationProperties("iot.shadow.limits")
record ShadowLimitsProperties(
    @DefaultValue("65536") int maxStoredBytes,
    @DefaultValue("8") int maxDepth,
    @DefaultValue("128") int maxKeyLength) {

  ShadowLimits toLimits() {
    return new ShadowLimits(maxStoredBytes, maxDepth, maxKeyLength);
  }
}
