package org.iotplatform.registry.provisioning;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Splits a UTF-8 body into lines as it reads it, holding at most one line of at most {@code
 * maxLineBytes} in memory: a longer line is skipped up to its line break and reported as such, so
 * one huge line can neither exhaust memory nor stop the lines after it.
 *
 * <p>Lines end with LF or CRLF; a UTF-8 byte order mark before the first line is dropped (some
 * spreadsheet programs write one). Not thread-safe.
 */
final class BodyLines {

  /** What became of a line. */
  enum Status {
    OK,
    /** Longer than the limit; its text is empty. */
    TOO_LONG,
    /** Not valid UTF-8; its text is empty. */
    NOT_UTF8
  }

  /**
   * @param number the line's number in the body, from 1, counting every line
   * @param text the line without its line break, empty unless {@link Status#OK}
   */
  record Line(int number, String text, Status status) {}

  private static final int CHUNK = 64 * 1024;

  private final InputStream body;
  private final int maxLineBytes;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final byte[] chunk = new byte[CHUNK];
  private int chunkStart;
  private int chunkEnd;
  private byte[] line = new byte[256];
  private int number;
  private boolean ended;

  BodyLines(InputStream body, int maxLineBytes) {
    this.body = body;
    this.maxLineBytes = maxLineBytes;
  }

  /** The next line, or null at the end of the body. */
  @Nullable Line next() throws IOException {
    if (ended) {
      return null;
    }
    int length = 0;
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (chunkStart == chunkEnd && !fill()) {
        ended = true;
        if (!any) {
          return null;
        }
        break;
      }
      any = true;
      int end = indexOfNewline();
      int stop = end < 0 ? chunkEnd : end;
      int count = stop - chunkStart;
      // One byte more than the limit may be a CR before the LF.
      if (!tooLong && length + count <= maxLineBytes + 1) {
        append(length, count);
        length += count;
      } else {
        tooLong = true;
      }
      chunkStart = end < 0 ? chunkEnd : end + 1;
      if (end >= 0) {
        break;
      }
    }
    number++;
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    if (tooLong || length > maxLineBytes) {
      return new Line(number, "", Status.TOO_LONG);
    }
    int offset = 0;
    if (number == 1 && startsWithByteOrderMark(length)) {
      offset = 3;
    }
    try {
      String text =
          decoder.reset().decode(ByteBuffer.wrap(line, offset, length - offset)).toString();
      return new Line(number, text, Status.OK);
    } catch (CharacterCodingException e) {
      return new Line(number, "", Status.NOT_UTF8);
    }
  }

  private boolean fill() throws IOException {
    int read = body.read(chunk, 0, CHUNK);
    while (read == 0) {
      read = body.read(chunk, 0, CHUNK);
    }
    chunkStart = 0;
    chunkEnd = Math.max(read, 0);
    return read > 0;
  }

  private int indexOfNewline() {
    for (int i = chunkStart; i < chunkEnd; i++) {
      if (chunk[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void append(int length, int count) {
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(length + count, line.length * 2));
    }
    System.arraycopy(chunk, chunkStart, line, length, count);
  }

  private boolean startsWithByteOrderMark(int length) {
    return length >= 3
        && line[0] == (byte) 0xEF
        && line[1] == (byte) 0xBB
        && line[2] == (byte) 0xBF;
  }
}
