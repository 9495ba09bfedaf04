package org.iotplatform.sdk.internal.shadow;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Client tokens matching answers to requests: a random prefix per shadow client, so an answer meant
 * for an earlier run of the device (queued in a persistent session) matches nothing here, and a
 * counter. At most 64 characters, as the platform allows.
 */
final class ClientTokens {

  private final String prefix;
  private final AtomicLong counter = new AtomicLong();

  ClientTokens() {
    this.prefix = "sdk-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + "-";
  }

  String next() {
    return prefix + counter.incrementAndGet();
  }
}
