package org.iotplatform.alerts.notification;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.iotplatform.web.ApiException;
import org.iotplatform.web.security.CurrentCaller;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's deliveries: the dead letters ({@code ?state=DEAD}) and a retry for each once its
 * endpoint is fixed.
 */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

  private static final Set<String> STATES = Set.of("PENDING", "SENT", "DEAD");
  private static final int DEFAULT_LIMIT = 50;
  private static final int MAX_LIMIT = 500;

  private final DeliveryRepository deliveries;
  private final CurrentCaller caller;
  private final Clock clock;

  NotificationController(
      DeliveryRepository deliveries, CurrentCaller caller, ObjectProvider<Clock> clock) {
    this.deliveries = deliveries;
    this.caller = caller;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /** The latest deliveries, newest first, optionally of one state. */
  @GetMapping
  DeliveryList list(
      @RequestParam(required = false) @Nullable String state,
      @RequestParam(required = false) @Nullable Integer limit) {
    String upper = state == null ? null : state.toUpperCase(Locale.ROOT);
    if (upper != null && !STATES.contains(upper)) {
      throw invalid("Unknown state " + state + ".");
    }
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw invalid("limit must be 1 to " + MAX_LIMIT + ", got " + size + ".");
    }
    return new DeliveryList(deliveries.latest(caller.get().tenant(), upper, size));
  }

  /** Sends a dead delivery again, with a fresh set of attempts. */
  @PostMapping("/{id}/retry")
  DeliveryResponse retry(@PathVariable String id) {
    String tenant = caller.get().tenant();
    UUID deliveryId = uuid(id);
    if (!deliveries.revive(tenant, deliveryId, clock.instant())) {
      deliveries.find(tenant, deliveryId).orElseThrow(() -> notFound(id));
      throw new ApiException(
          NotificationError.DELIVERY_NOT_DEAD, "Delivery " + id + " is not dead.");
    }
    return deliveries.find(tenant, deliveryId).orElseThrow(() -> notFound(id));
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw notFound(id);
    }
  }

  private static ApiException notFound(String id) {
    return new ApiException(
        NotificationError.DELIVERY_NOT_FOUND, "There is no delivery " + id + " in your tenant.");
  }

  private static ApiException invalid(String problem) {
    return new ApiException(NotificationError.DELIVERY_INVALID_FILTER, problem);
  }
}
