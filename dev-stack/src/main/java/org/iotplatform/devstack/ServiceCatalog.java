package org.iotplatform.devstack;

import java.nio.file.Path;
import java.util.List;
import org.iotplatform.servers.PostgresServer;

/**
 * The Spring Boot services of the stack and the settings that point them at the stores, and at the
 * registry as the issuer of operators' tokens.
 */
final class ServiceCatalog {

  private ServiceCatalog() {}

  /**
   * @param registryDir the registry's files under var: its token signing key and the admin API key
   *     it creates at first start ({@link DevStackOptions#adminKeyFile()})
   * @param ca the platform CA the registry signs device certificates with (its external CA)
   */
  static List<ServiceSpec> services(
      StackPorts ports,
      String kafkaBootstrapServers,
      PostgresServer postgres,
      String redisUri,
      Path registryDir,
      PlatformCa ca) {
    String kafka = "--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers;
    String registry = "http://127.0.0.1:" + ports.registry();
    // The other services fetch the registry's public keys; nothing is fetched before a token comes.
    String jwks = "--iot.security.jwt.jwk-set-uri=" + registry + "/api/v1/auth/jwks";
    return List.of(
        new ServiceSpec(
            "query-api",
            ports.queryApi(),
            List.of(kafka, jwks, "--iot.query.influx.url=http://127.0.0.1:" + ports.influx())),
        new ServiceSpec(
            "device-registry-service",
            ports.registry(),
            List.of(
                kafka,
                "--spring.datasource.url=" + postgres.jdbcUrl("registry"),
                "--spring.datasource.username=" + postgres.user(),
                "--spring.datasource.password=" + postgres.password(),
                "--iot.registry.auth.issuer=" + registry,
                "--iot.registry.auth.key-dir=" + registryDir.resolve("jwt"),
                // The stack's CA, not one of the registry's own: the broker trusts it too.
                "--iot.registry.ca.certificate=" + ca.certificateFile(),
                "--iot.registry.ca.private-key=" + ca.keyFile(),
                "--iot.registry.bootstrap.admin-key-file="
                    + registryDir.resolve(DevStackOptions.ADMIN_KEY_FILE_NAME))),
        new ServiceSpec(
            "shadow-service",
            ports.shadow(),
            List.of(kafka, jwks, "--iot.shadow.store.redis-uri=" + redisUri)),
        new ServiceSpec("ota-campaign-service", ports.ota(), List.of(kafka, jwks)),
        new ServiceSpec(
            "alert-engine",
            ports.alerts(),
            List.of(
                kafka,
                jwks,
                "--spring.datasource.url=" + postgres.jdbcUrl("alerts"),
                "--spring.datasource.username=" + postgres.user(),
                "--spring.datasource.password=" + postgres.password())),
        new ServiceSpec("edge-gateway", ports.edgeGateway(), List.of(jwks)));
  }
}
