package org.iotplatform.devstack;

/**
 * The ports of the embedded stack. The defaults sit away from the standard ports (1883, 8883, 5432,
 * 6379, 8086, 9092, 8080) so that a system Mosquitto, PostgreSQL, Redis or InfluxDB can keep
 * running.
 *
 * @param mqtt plain MQTT, devices with tokens (development)
 * @param mqttTls MQTT over TLS, devices with a client certificate of the platform CA or a token
 */
record StackPorts(
    int mqtt,
    int mqttTls,
    int kafka,
    int postgres,
    int redis,
    int influx,
    int queryApi,
    int registry,
    int shadow,
    int ota,
    int alerts,
    int edgeGateway) {

  static StackPorts defaults() {
    return new StackPorts(
        11883, 18883, 19092, 15432, 16379, 18086, 18080, 18081, 18082, 18083, 18084, 18085);
  }
}
