package org.iotplatform.sdk.shadow;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * The desired state the device has not reported yet.
 *
 * @param state every desired key whose value differs from the reported one, nested as in desired
 * @param version the shadow version this delta belongs to
 * @param timestamp when the shadow took that version (whole seconds)
 */
public record ShadowDelta(ObjectNode state, long version, Instant timestamp) {}
