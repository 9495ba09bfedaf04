/**
 * The transactional outbox: {@link org.iotplatform.registry.outbox.Outbox} records a Kafka record
 * in the transaction of a change, and a relay sends the records in order, at least once.
 */
@NullMarked
package org.iotplatform.registry.outbox;

import org.jspecify.annotations.NullMarked;
