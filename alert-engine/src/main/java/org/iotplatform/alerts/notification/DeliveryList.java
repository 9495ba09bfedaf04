package org.iotplatform.alerts.notification;

import java.util.List;

/** The tenant's latest deliveries, newest first. */
public record DeliveryList(List<DeliveryResponse> items) {

  public DeliveryList {
    items = List.copyOf(items);
  }
}
