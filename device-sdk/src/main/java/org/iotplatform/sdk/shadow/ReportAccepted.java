package org.iotplatform.sdk.shadow;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/**
 * The platform stored a report ({@code shadow/update/accepted}).
 *
 * @param reported the reported state the update carried, as the platform echoed it
 * @param version the shadow's new version
 * @param timestamp when the shadow took that version (whole seconds)
 */
public record ReportAccepted(ObjectNode reported, long version, Instant timestamp) {}
