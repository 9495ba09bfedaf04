package org.iotplatform.alerts.alert;

import org.jspecify.annotations.Nullable;

/** The body of an acknowledgement: an optional note for the other operators (up to 1,000 chars). */
public record AcknowledgeRequest(@Nullable String note) {}
