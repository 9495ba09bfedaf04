/**
 * Fleet queries: finding shadows by their content ({@code reported.firmware != desired.firmware},
 * {@code reported.mode = 'eco'}) through an index kept in Redis next to the documents.
 *
 * <p>The index is a set of Redis sorted sets, every score 0, so that each is a set of members
 * ordered lexically: a member is a shadow ({@link ShadowKey#member()}), a set is one fact about the
 * shadows in it ("reported.mode is 'eco'", "desired.firmware differs from reported"). {@link
 * ShadowIndex} says which sets a shadow leaves and joins on a change, {@link FleetQuery} turns a
 * query into sets a match must and must not be in, and {@link FleetQueryRepository} intersects them
 * page by page in one Lua script.
 */
@NullMarked
package org.iotplatform.shadow.fleet;

import org.iotplatform.shadow.store.ShadowKey;
import org.jspecify.annotations.NullMarked;
