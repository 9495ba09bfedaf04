package org.iotplatform.outbox;

/**
 * What a service tells the shared outbox about itself; it declares one bean of this type.
 *
 * @param service the service's name: the {@code service} tag of the metrics and the relay's thread
 * @param lockId the PostgreSQL advisory lock that makes one relay at a time send; any constant, but
 *     its own per service, should two services ever share a database
 * @param properties the relay's settings, bound from the service's prefix
 */
public record OutboxSettings(String service, long lockId, OutboxProperties properties) {

  public OutboxSettings {
    if (service.isBlank()) {
      throw new IllegalArgumentException("service must not be blank");
    }
  }
}
