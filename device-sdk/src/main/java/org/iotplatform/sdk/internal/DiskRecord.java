package org.iotplatform.sdk.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * The layout of one message in a segment file: its total length (int), position (long), qos (byte),
 * subtopic length (unsigned short), the UTF-8 subtopic, the payload, and a CRC32 of all bytes
 * before it. The length comes first so a scan can step from record to record; the CRC tells a
 * record cut short by a crash (or garbage after it) from a whole one.
 */
final class DiskRecord {

  /** The bytes of a record besides its subtopic and payload. */
  static final int OVERHEAD = 4 + 8 + 1 + 2 + 4;

  private static final int MAX_SUBTOPIC_BYTES = 0xFFFF;

  private DiskRecord() {}

  /** The bytes a record of this subtopic and payload takes on disk. */
  static long size(byte[] subtopic, byte[] payload) {
    return (long) OVERHEAD + subtopic.length + payload.length;
  }

  static byte[] subtopicBytes(String subtopic) {
    byte[] bytes = subtopic.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > MAX_SUBTOPIC_BYTES) {
      throw new IllegalArgumentException("a subtopic has at most 65535 bytes, not " + bytes.length);
    }
    return bytes;
  }

  /** The record, ready to be written; its size must fit an int. */
  static ByteBuffer encode(long position, byte[] subtopic, int qos, byte[] payload) {
    int length = Math.toIntExact(size(subtopic, payload));
    ByteBuffer record = ByteBuffer.allocate(length);
    record.putInt(length).putLong(position).put((byte) qos).putShort((short) subtopic.length);
    record.put(subtopic).put(payload);
    record.putInt(crc(record.array(), length - 4));
    return record.flip();
  }

  /**
   * The message in {@code record} (exactly one record's bytes), or null if it is not a whole record
   * of the message at {@code expectedPosition}.
   */
  static @Nullable StoredMessage decode(ByteBuffer record, long expectedPosition) {
    int length = record.remaining();
    if (length < OVERHEAD || record.getInt(0) != length) {
      return null;
    }
    byte[] bytes = new byte[length];
    record.get(bytes);
    ByteBuffer fields = ByteBuffer.wrap(bytes);
    fields.getInt();
    long position = fields.getLong();
    int qos = fields.get();
    int subtopicLength = Short.toUnsignedInt(fields.getShort());
    int payloadLength = length - OVERHEAD - subtopicLength;
    if (position != expectedPosition
        || payloadLength < 0
        || ByteBuffer.wrap(bytes, length - 4, 4).getInt() != crc(bytes, length - 4)) {
      return null;
    }
    String subtopic = new String(bytes, fields.position(), subtopicLength, StandardCharsets.UTF_8);
    byte[] payload = new byte[payloadLength];
    System.arraycopy(bytes, fields.position() + subtopicLength, payload, 0, payloadLength);
    return new StoredMessage(position, subtopic, qos, payload);
  }

  private static int crc(byte[] bytes, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, length);
    return (int) crc.getValue();
  }
}
