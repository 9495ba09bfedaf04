/**
 * The transactional outbox of the services that keep their state in PostgreSQL: {@link
 * org.iotplatform.outbox.Outbox} records a Kafka record in the transaction of a change, and a relay
 * sends the records in order, at least once, retrying while Kafka is down. A service imports {@link
 * org.iotplatform.outbox.OutboxConfiguration} and declares its {@link
 * org.iotplatform.outbox.OutboxSettings}; the {@code outbox} table stays in its own migrations.
 */
@NullMarked
package org.iotplatform.outbox;

import org.jspecify.annotations.NullMarked;
