package org.iotplatform.registry.auth;

import java.nio.file.Path;
import org.iotplatform.contracts.Tenants;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first admin key, under {@code iot.registry.bootstrap}: without one, nobody could create keys.
 *
 * @param adminKeyFile when set, a file that holds a working admin API key after start-up: the
 *     registry creates the key (and the file, readable by its owner only) when the file is missing
 *     or holds a key that no longer works; unset, no key is created
 * @param tenant the tenant of that key
 */
@ConfigurationProperties("iot.registry.bootstrap")
public record BootstrapProperties(
    @Nullable Path adminKeyFile, @DefaultValue(Tenants.DEFAULT) String tenant) {}
