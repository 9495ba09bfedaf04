package org.iotplatform.bridge.internal.auth;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;

/**
 * Lets every client connect ({@code auth.mode=none}), and says so explicitly rather than relying on
 * what the broker does when no extension authenticates. Only {@link DeviceTopicAuthorizer} then
 * keeps devices apart; {@code auth.mode=credentials} checks tokens and certificates instead ({@link
 * CredentialAuthenticator}).
 */
public final class AnyClientAuthenticator implements SimpleAuthenticator {

  @Override
  public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
    output.authenticateSuccessfully();
  }
}
