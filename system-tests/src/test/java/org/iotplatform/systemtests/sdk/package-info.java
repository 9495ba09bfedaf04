/** The device SDK against brokers with the ingestion bridge and a real Kafka. */
@NullMarked
package org.iotplatform.systemtests.sdk;

import org.jspecify.annotations.NullMarked;
