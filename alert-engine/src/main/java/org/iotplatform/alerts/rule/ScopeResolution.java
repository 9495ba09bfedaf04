package org.iotplatform.alerts.rule;

import java.util.List;
import java.util.Set;

/**
 * A scope checked against what the service knows.
 *
 * @param deviceIds the devices a DEVICE scope names or a GROUP's members now; empty otherwise
 * @param types the device types in scope, as far as the directory knows them
 */
record ScopeResolution(List<String> deviceIds, Set<String> types) {

  ScopeResolution {
    deviceIds = List.copyOf(deviceIds);
    types = Set.copyOf(types);
  }
}
