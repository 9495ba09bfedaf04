/**
 * Shadows in Redis: documents, their history, the device directory and the outbox of messages a
 * change sends, all written by one Lua script so a change and what it announces are atomic.
 */
@NullMarked
package org.iotplatform.shadow.store;

import org.jspecify.annotations.NullMarked;
