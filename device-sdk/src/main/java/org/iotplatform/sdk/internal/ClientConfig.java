package org.iotplatform.sdk.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.iotplatform.sdk.Backoff;
import org.iotplatform.sdk.ConnectionListener;
import org.iotplatform.sdk.Endpoint;
import org.iotplatform.sdk.Heartbeat;
import org.iotplatform.sdk.OfflineBuffer;
import org.iotplatform.sdk.Qos;
import org.iotplatform.sdk.shadow.ShadowRetry;
import org.jspecify.annotations.Nullable;

/** A validated device client configuration, as {@code DeviceClientBuilder} made it. */
public record ClientConfig(
    String deviceId,
    List<Endpoint> endpoints,
    @Nullable String token,
    @Nullable TlsMaterial tls,
    Duration keepAlive,
    Duration sessionExpiry,
    OfflineBuffer offlineBuffer,
    Backoff backoff,
    Qos defaultQos,
    int maxInFlight,
    @Nullable Duration heartbeatInterval,
    @Nullable Supplier<Heartbeat> heartbeat,
    ConnectionListener listener,
    @Nullable ScheduledExecutorService executor,
    @Nullable Executor callbackExecutor,
    ShadowRetry shadowRetry) {}
