package org.iotplatform.alerts.channel;

import java.net.URI;
import org.iotplatform.web.IfMatch;
import org.iotplatform.web.security.CurrentCaller;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/alert-channels}: the caller's tenant's notification channels. */
@RestController
@RequestMapping("/api/v1/alert-channels")
class ChannelController {

  static final int MAX_LIMIT = 500;

  private final ChannelManagement channels;
  private final CurrentCaller caller;

  ChannelController(ChannelManagement channels, CurrentCaller caller) {
    this.channels = channels;
    this.caller = caller;
  }

  @PostMapping
  ResponseEntity<ChannelResponse> create(@RequestBody ChannelRequest request) {
    ChannelResponse created = channels.create(tenant(), request);
    return ResponseEntity.created(URI.create("/api/v1/alert-channels/" + created.id()))
        .eTag(etag(created))
        .body(created);
  }

  @GetMapping
  ChannelPage list(
      @RequestParam(required = false) @Nullable Integer limit,
      @RequestParam(required = false) @Nullable String cursor) {
    if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
      throw ChannelValidation.invalid("limit", "must be 1 to " + MAX_LIMIT + ", got " + limit);
    }
    return channels.list(tenant(), cursor, limit == null ? 50 : limit);
  }

  @GetMapping("/{id}")
  ResponseEntity<ChannelResponse> get(@PathVariable String id) {
    ChannelResponse channel = channels.get(tenant(), id);
    return ResponseEntity.ok().eTag(etag(channel)).body(channel);
  }

  @PutMapping("/{id}")
  ResponseEntity<ChannelResponse> update(
      @PathVariable String id,
      @RequestBody ChannelRequest request,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    ChannelResponse channel =
        channels.update(
            tenant(), id, request, IfMatch.version(ifMatch, ChannelError.CHANNEL_INVALID));
    return ResponseEntity.ok().eTag(etag(channel)).body(channel);
  }

  /** A new signing secret for a webhook, in the answer only. */
  @PostMapping("/{id}/secret")
  ResponseEntity<ChannelResponse> rotateSecret(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    ChannelResponse channel =
        channels.rotateSecret(tenant(), id, IfMatch.version(ifMatch, ChannelError.CHANNEL_INVALID));
    return ResponseEntity.ok().eTag(etag(channel)).body(channel);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String id) {
    channels.delete(tenant(), id);
  }

  private String tenant() {
    return caller.get().tenant();
  }

  private static String etag(ChannelResponse channel) {
    return "\"" + channel.version() + "\"";
  }
}
