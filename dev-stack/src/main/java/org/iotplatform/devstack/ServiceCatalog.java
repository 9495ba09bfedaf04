package org.iotplatform.devstack;

import java.util.List;
import org.iotplatform.servers.PostgresServer;

/** The Spring Boot services of the stack and the settings that point them at the stores. */
final class ServiceCatalog {

  private ServiceCatalog() {}

  static List<ServiceSpec> services(
      StackPorts ports, String kafkaBootstrapServers, PostgresServer postgres) {
    String kafka = "--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers;
    return List.of(
        new ServiceSpec(
            "query-api",
            ports.queryApi(),
            List.of(kafka, "--iot.query.influx.url=http://127.0.0.1:" + ports.influx())),
        new ServiceSpec(
            "device-registry-service",
            ports.registry(),
            List.of(
                kafka,
                "--spring.datasource.url=" + postgres.jdbcUrl("registry"),
                "--spring.datasource.username=" + postgres.user(),
                "--spring.datasource.password=" + postgres.password())),
        new ServiceSpec("shadow-service", ports.shadow(), List.of(kafka)),
        new ServiceSpec("ota-campaign-service", ports.ota(), List.of(kafka)),
        new ServiceSpec("alert-engine", ports.alerts(), List.of(kafka)),
        new ServiceSpec("edge-gateway", ports.edgeGateway(), List.of()));
  }
}
