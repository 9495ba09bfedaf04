package org.iotplatform.sdk.internal;

/**
 * Where a held message lies on disk.
 *
 * @param segment its segment file
 * @param offset where its record starts in the segment
 * @param length its record's bytes
 * @param released whether it is done (it stays in the index until the head passes it)
 */
record DiskEntry(DiskSegment segment, long offset, int length, boolean released) {

  DiskEntry asReleased() {
    return new DiskEntry(segment, offset, length, true);
  }
}
