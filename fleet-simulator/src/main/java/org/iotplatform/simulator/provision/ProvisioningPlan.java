package org.iotplatform.simulator.provision;

import java.util.List;
import java.util.Map;

/**
 * What to provision.
 *
 * @param deviceIds the devices
 * @param deviceType their type, created if missing
 * @param metricUnits the type's metrics and their units (empty for booleans)
 * @param kind which credential each device gets
 * @param reprovision true: issue new credentials even for devices that have cached ones
 */
public record ProvisioningPlan(
    List<String> deviceIds,
    String deviceType,
    Map<String, String> metricUnits,
    CredentialKind kind,
    boolean reprovision) {

  public ProvisioningPlan {
    deviceIds = List.copyOf(deviceIds);
    metricUnits = Map.copyOf(metricUnits);
  }
}
