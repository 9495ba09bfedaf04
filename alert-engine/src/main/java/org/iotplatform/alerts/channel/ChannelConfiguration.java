package org.iotplatform.alerts.channel;

import org.iotplatform.alerts.ChannelDirectory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChannelProperties.class)
class ChannelConfiguration {

  @Bean
  ChannelDirectory channelDirectory(ChannelRepository channels, ChannelProperties properties) {
    return new CachedChannelDirectory(channels, properties);
  }
}
