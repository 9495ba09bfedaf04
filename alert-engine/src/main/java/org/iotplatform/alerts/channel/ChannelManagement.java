package org.iotplatform.alerts.channel;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.iotplatform.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The channels of a tenant: create, read, replace, delete, rotate a webhook's secret. */
@Service
public class ChannelManagement {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ChannelRepository channels;
  private final ApplicationEventPublisher events;
  private final Clock clock = Clock.systemUTC();

  ChannelManagement(ChannelRepository channels, ApplicationEventPublisher events) {
    this.channels = channels;
    this.events = events;
  }

  /** The channel as created, with the secret of a webhook (the only time it is shown). */
  @Transactional
  public ChannelResponse create(String tenantId, ChannelRequest request) {
    ChannelValidation.Valid valid = ChannelValidation.validate(request);
    Instant now = now();
    Channel channel =
        new Channel(
            UUID.randomUUID(),
            tenantId,
            valid.name(),
            valid.kind(),
            valid.url(),
            valid.kind() == ChannelKind.WEBHOOK ? newSecret() : null,
            valid.recipients(),
            1,
            now,
            now);
    channels.insert(channel);
    return channel.toResponse(true);
  }

  @Transactional(readOnly = true)
  public ChannelResponse get(String tenantId, String id) {
    return find(tenantId, id).toResponse(false);
  }

  @Transactional(readOnly = true)
  public ChannelPage list(String tenantId, @Nullable String cursor, int limit) {
    UUID after = cursor == null ? null : ChannelCursor.decode(cursor).afterId();
    List<Channel> page = channels.page(tenantId, after, limit + 1);
    boolean more = page.size() > limit;
    List<Channel> items = more ? page.subList(0, limit) : page;
    return new ChannelPage(
        items.stream().map(channel -> channel.toResponse(false)).toList(),
        more ? new ChannelCursor(items.get(limit - 1).id()).encode() : null);
  }

  /** Replaces name, URL or recipients; the kind and the secret stay. */
  @Transactional
  public ChannelResponse update(
      String tenantId, String id, ChannelRequest request, @Nullable Long ifMatch) {
    Channel current = find(tenantId, id);
    ChannelValidation.Valid valid = ChannelValidation.validate(request);
    if (valid.kind() != current.kind()) {
      throw ChannelValidation.invalid(
          "kind", "cannot change (" + current.kind() + "); create another channel instead");
    }
    Channel changed =
        new Channel(
            current.id(),
            tenantId,
            valid.name(),
            current.kind(),
            valid.url(),
            current.secret(),
            valid.recipients(),
            current.version() + 1,
            current.createdAt(),
            now());
    store(changed, current, ifMatch);
    return changed.toResponse(false);
  }

  /** A new signing secret for a webhook, shown once; the old one stops working at once. */
  @Transactional
  public ChannelResponse rotateSecret(String tenantId, String id, @Nullable Long ifMatch) {
    Channel current = find(tenantId, id);
    if (current.kind() != ChannelKind.WEBHOOK) {
      throw new ApiException(
          ChannelError.CHANNEL_NOT_WEBHOOK, "Channel " + id + " is a " + current.kind() + ".");
    }
    Channel changed =
        new Channel(
            current.id(),
            tenantId,
            current.name(),
            current.kind(),
            current.url(),
            newSecret(),
            current.recipients(),
            current.version() + 1,
            current.createdAt(),
            now());
    store(changed, current, ifMatch);
    return changed.toResponse(true);
  }

  @Transactional
  public void delete(String tenantId, String id) {
    Channel channel = find(tenantId, id);
    if (channels.inUse(channel.id())) {
      throw new ApiException(
          ChannelError.CHANNEL_IN_USE, "Channel " + id + " is named by at least one rule.");
    }
    channels.delete(tenantId, channel.id());
    events.publishEvent(new RuleChannelsChanged(tenantId, null));
  }

  /** The ids among {@code ids} that name no channel of the tenant (including malformed ones). */
  @Transactional(readOnly = true)
  public Set<String> unknown(String tenantId, Collection<String> ids) {
    List<UUID> parsed = ids.stream().map(ChannelManagement::uuid).filter(u -> u != null).toList();
    Set<UUID> known = channels.existing(tenantId, parsed);
    return ids.stream()
        .filter(id -> uuid(id) == null || !known.contains(uuid(id)))
        .collect(Collectors.toUnmodifiableSet());
  }

  private void store(Channel changed, Channel current, @Nullable Long ifMatch) {
    if (ifMatch != null && ifMatch != current.version()) {
      throw conflict(current);
    }
    if (!channels.update(changed, current.version())) {
      throw conflict(current);
    }
    events.publishEvent(new RuleChannelsChanged(changed.tenantId(), null));
  }

  private static ApiException conflict(Channel current) {
    return new ApiException(
        ChannelError.CHANNEL_VERSION_CONFLICT,
        "Channel " + current.id() + " is no longer at the version named.");
  }

  private Channel find(String tenantId, String id) {
    UUID uuid = uuid(id);
    return (uuid == null ? Optional.<Channel>empty() : channels.find(tenantId, uuid))
        .orElseThrow(
            () ->
                new ApiException(
                    ChannelError.CHANNEL_NOT_FOUND, "No channel " + id + " in your tenant."));
  }

  private Instant now() {
    // Microseconds: what PostgreSQL keeps, so that answers match later reads.
    return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
  }

  private static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static @Nullable UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
