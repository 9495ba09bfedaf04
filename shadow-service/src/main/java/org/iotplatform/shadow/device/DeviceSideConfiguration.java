package org.iotplatform.shadow.device;

import io.micrometer.core.instrument.MeterRegistry;
import org.iotplatform.shadow.management.DeviceAnswers;
import org.iotplatform.shadow.management.ShadowManagement;
import org.iotplatform.shadow.store.ShadowStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Kafka listeners of the device side. {@code iot.shadow.kafka.enabled=false} leaves them out
 * (tests of the REST API alone).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "iot.shadow.kafka.enabled", matchIfMissing = true)
class DeviceSideConfiguration {

  @Bean
  ShadowRequestListener shadowRequestListener(
      ShadowManagement shadows, DeviceAnswers answers, ShadowStore store, MeterRegistry meters) {
    return new ShadowRequestListener(shadows, answers, store, meters);
  }

  @Bean
  DeviceConnectListener deviceConnectListener(DeviceAnswers answers) {
    return new DeviceConnectListener(answers);
  }

  @Bean
  DeviceDirectoryListener deviceDirectoryListener(ShadowStore store, ShadowManagement shadows) {
    return new DeviceDirectoryListener(store, shadows);
  }
}
