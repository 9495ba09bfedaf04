package org.iotplatform.bridge.internal.auth;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;

/**
 * Lets every client connect, and says so explicitly rather than relying on what the broker does
 * when no extension authenticates. The credentials devices will present (X.509 certificates,
 * tokens) arrive with the device registry and will be checked here; until then {@link
 * DeviceTopicAuthorizer} is what keeps devices apart.
 */
public final class AnyClientAuthenticator implements SimpleAuthenticator {

  @Override
  public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
    output.authenticateSuccessfully();
  }
}
