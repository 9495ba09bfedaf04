package org.iotplatform.shadow.management;

import org.iotplatform.shadow.document.ShadowDocument;
import org.jspecify.annotations.Nullable;

/**
 * An accepted change.
 *
 * @param previous the document before, null when the shadow did not exist
 * @param current the document after
 */
public record ShadowChange(@Nullable ShadowDocument previous, ShadowDocument current) {}
