package org.iotplatform.alerts.silence;

import java.util.List;

/** The tenant's silences, latest start first; shaped like the other lists of the API. */
public record SilenceList(List<SilenceResponse> items) {

  public SilenceList {
    items = List.copyOf(items);
  }
}
