package org.iotplatform.simulator.provision;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iotplatform.simulator.DeviceCredential;

/**
 * Provisions simulated devices through the registry's REST API: the device type (if missing), the
 * devices (bulk NDJSON import) and a credential per device, issued with bounded concurrency. Issued
 * credentials go to a {@link CredentialStore}, and devices that have one there are not provisioned
 * again unless the plan says {@code reprovision}.
 */
public final class RegistryProvisioner {

  private static final int DEVICES_PER_IMPORT = 10_000;

  private final RegistryApi api;
  private final CredentialStore store;
  private final int concurrency;

  /**
   * @param registry the registry's base URL, e.g. {@code http://127.0.0.1:18081}
   * @param apiKey an operator's API key ({@code iotk_...}) that may create devices and credentials
   * @param store where credentials are cached
   * @param concurrency how many credential requests run at once
   */
  public RegistryProvisioner(URI registry, String apiKey, CredentialStore store, int concurrency) {
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1, not " + concurrency);
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.api = new RegistryApi(registry, apiKey, http);
    this.store = store;
    this.concurrency = concurrency;
  }

  /**
   * The credentials of the plan's devices, in its order: cached ones reused, the others issued now.
   *
   * @throws ProvisioningException if the registry cannot be reached or refuses a step
   */
  public List<DeviceCredential> provision(ProvisioningPlan plan) {
    Map<String, DeviceCredential> credentials = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String id : plan.deviceIds()) {
      Optional<DeviceCredential> cached =
          plan.reprovision() ? Optional.empty() : store.load(id, plan.kind());
      cached.ifPresentOrElse(credential -> credentials.put(id, credential), () -> missing.add(id));
    }
    if (!missing.isEmpty()) {
      api.createDeviceType(plan.deviceType(), plan.metricUnits());
      for (int from = 0; from < missing.size(); from += DEVICES_PER_IMPORT) {
        api.importDevices(
            missing.subList(from, Math.min(missing.size(), from + DEVICES_PER_IMPORT)),
            plan.deviceType());
      }
      issue(missing, plan.kind())
          .forEach(credential -> credentials.put(credential.deviceId(), credential));
    }
    return plan.deviceIds().stream().map(credentials::get).toList();
  }

  /**
   * The cached credentials of these devices, without asking the registry.
   *
   * @throws ProvisioningException if a device has none
   */
  public static List<DeviceCredential> cached(
      CredentialStore store, List<String> deviceIds, CredentialKind kind) {
    List<DeviceCredential> credentials = new ArrayList<>(deviceIds.size());
    List<String> missing = new ArrayList<>();
    for (String id : deviceIds) {
      store.load(id, kind).ifPresentOrElse(credentials::add, () -> missing.add(id));
    }
    if (!missing.isEmpty()) {
      throw new ProvisioningException(
          missing.size()
              + " devices (e.g. "
              + missing.get(0)
              + ") have no cached "
              + kind.name().toLowerCase(Locale.ROOT)
              + " in "
              + store.directory()
              + ": provision them first (run without --no-provision)");
    }
    return credentials;
  }

  private List<DeviceCredential> issue(List<String> deviceIds, CredentialKind kind) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, deviceIds.size()));
    try {
      List<Future<DeviceCredential>> issued = new ArrayList<>(deviceIds.size());
      for (String id : deviceIds) {
        issued.add(pool.submit(() -> issueOne(id, kind)));
      }
      List<DeviceCredential> credentials = new ArrayList<>(deviceIds.size());
      for (Future<DeviceCredential> credential : issued) {
        credentials.add(credential.get());
      }
      return credentials;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ProvisioningException refused) {
        throw refused;
      }
      throw new ProvisioningException("issuing credentials failed: " + e.getCause(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProvisioningException("provisioning was interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private DeviceCredential issueOne(String deviceId, CredentialKind kind) {
    if (kind == CredentialKind.TOKEN) {
      return store.saveToken(deviceId, api.issueToken(deviceId));
    }
    KeyPair key = CertificateRequests.keyPair();
    String certificate = api.issueCertificate(deviceId, CertificateRequests.csrPem(deviceId, key));
    return store.saveCertificate(deviceId, certificate, CertificateRequests.privateKeyPem(key));
  }
}
