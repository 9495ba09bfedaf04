/**
 * Bulk provisioning: {@code POST /api/v1/devices:bulk} imports a streamed NDJSON or CSV body of
 * devices in batches and answers with a per-line report. The devices are written by {@link
 * org.iotplatform.registry.device.DeviceBatchManagement}.
 */
@NullMarked
package org.iotplatform.registry.provisioning;

import org.jspecify.annotations.NullMarked;
