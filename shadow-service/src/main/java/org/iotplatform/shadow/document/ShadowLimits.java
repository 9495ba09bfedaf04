package org.iotplatform.shadow.document;

/**
 * What a shadow document may hold, checked on the result of every update.
 *
 * @param maxStoredBytes the most UTF-8 bytes of the stored document ({@link
 *     ShadowDocument#toJson()}), metadata included
 * @param maxDepth the most levels of objects and arrays below {@code desired} or {@code reported};
 *     {@code {"a":1}} is one level, {@code {"a":{"b":1}}} two
 * @param maxKeyLength the most characters of any key at any level
 */
public record ShadowLimits(int maxStoredBytes, int maxDepth, int maxKeyLength) {

  /** 64 KiB, 8 levels, 128-character keys. */
  public static final ShadowLimits DEFAULTS = new ShadowLimits(64 * 1024, 8, 128);

  public ShadowLimits {
    if (maxStoredBytes < 1 || maxDepth < 1 || maxKeyLength < 1) {
      throw new IllegalArgumentException("shadow limits must be positive: " + this);
    }
  }
}
