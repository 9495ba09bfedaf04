package org.iotplatform.sdk.internal;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import org.iotplatform.sdk.TlsOptions;
import org.jspecify.annotations.Nullable;

/** TLS options loaded and checked: the key managers and trust managers a connection uses. */
public record TlsMaterial(
    @Nullable KeyManagerFactory keyManagers, @Nullable TrustManagerFactory trustManagers) {

  /** Loads the options' files; see {@code DeviceClientBuilder#build()} for what is checked. */
  public static TlsMaterial load(TlsOptions options, String deviceId) {
    throw new UnsupportedOperationException("not yet");
  }
}
