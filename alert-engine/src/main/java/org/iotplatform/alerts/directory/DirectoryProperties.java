package org.iotplatform.alerts.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the device directory, under {@code iot.alerts.directory}.
 *
 * @param enabled whether the service consumes the registry's device and device type topics; off,
 *     every device is unknown
 * @param groupId the Kafka consumer group; every instance reads both topics in full, so each needs
 *     its own only if they do not share the database
 */
@ConfigurationProperties("iot.alerts.directory")
public record DirectoryProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("alert-engine-directory") String groupId) {}
