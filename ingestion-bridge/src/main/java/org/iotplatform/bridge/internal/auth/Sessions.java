package org.iotplatform.bridge.internal.auth;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which credential each session authenticated with (client id = device id), so that a new snapshot
 * that ends the credential can end the session. Thread-safe.
 *
 * <p>An entry is not removed when the client disconnects: on a session takeover the old
 * connection's disconnect can arrive after the new CONNECT was authenticated, and removing then
 * would exempt the new session from revocation. An entry goes when its credential ends (the
 * session, if any, is then disconnected), so there is at most one per device in the view.
 */
public final class Sessions {

  private final Map<String, String> credentialByClient = new ConcurrentHashMap<>();

  void opened(String clientId, String credentialId) {
    credentialByClient.put(clientId, credentialId);
  }

  /** Forgets the session of {@code clientId} if it used {@code credentialId}; true if it did. */
  boolean closed(String clientId, String credentialId) {
    return credentialByClient.remove(clientId, credentialId);
  }

  Optional<String> credential(String clientId) {
    return Optional.ofNullable(credentialByClient.get(clientId));
  }

  Set<String> clients() {
    return Set.copyOf(credentialByClient.keySet());
  }
}
