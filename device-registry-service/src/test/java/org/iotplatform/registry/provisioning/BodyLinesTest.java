package org.iotplatform.registry.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.iotplatform.registry.provisioning.BodyLines.Line;
import org.iotplatform.registry.provisioning.BodyLines.Status;
import org.junit.jupiter.api.Test;

class BodyLinesTest {

  @Test
  void splitsAtLineFeedsAndDropsCarriageReturns() throws IOException {
    assertThat(lines("a\r\nb\n\nc", 10))
        .containsExactly(
            new Line(1, "a", Status.OK),
            new Line(2, "b", Status.OK),
            new Line(3, "", Status.OK),
            new Line(4, "c", Status.OK));
  }

  @Test
  void aFinalLineBreakEndsTheLastLineWithoutAddingOne() throws IOException {
    assertThat(lines("a\n", 10)).containsExactly(new Line(1, "a", Status.OK));
    assertThat(lines("", 10)).isEmpty();
  }

  @Test
  void skipsALineOverTheLimitAndReadsOnAfterIt() throws IOException {
    assertThat(lines("12345\n123456\n1234567890123\r\nok", 5))
        .containsExactly(
            new Line(1, "12345", Status.OK),
            new Line(2, "", Status.TOO_LONG),
            new Line(3, "", Status.TOO_LONG),
            new Line(4, "ok", Status.OK));
  }

  @Test
  void aLineOfExactlyTheLimitFitsWithItsCarriageReturn() throws IOException {
    assertThat(lines("12345\r\n", 5)).containsExactly(new Line(1, "12345", Status.OK));
  }

  @Test
  void readsLinesLongerThanOneReadOfTheStream() throws IOException {
    String longLine = "x".repeat(200_000);
    assertThat(lines(longLine + "\nend\n", 300_000))
        .containsExactly(new Line(1, longLine, Status.OK), new Line(2, "end", Status.OK));
  }

  @Test
  void dropsAByteOrderMarkBeforeTheFirstLineOnly() throws IOException {
    String bom = "\uFEFF";
    assertThat(lines(bom + "id,type\n" + bom + "x", 20))
        .extracting(Line::text)
        .containsExactly("id,type", bom + "x");
  }

  @Test
  void marksALineThatIsNotUtf8() throws IOException {
    byte[] body = {'a', '\n', (byte) 0xC3, (byte) 0x28, '\n', 'b'};

    assertThat(lines(new ByteArrayInputStream(body), 10))
        .extracting(Line::status)
        .containsExactly(Status.OK, Status.NOT_UTF8, Status.OK);
  }

  @Test
  void decodesMultiByteCharacters() throws IOException {
    assertThat(lines("Küche,\u00e9t\u00e9\n", 20))
        .containsExactly(new Line(1, "Küche,\u00e9t\u00e9", Status.OK));
  }

  private static List<Line> lines(String body, int max) throws IOException {
    return lines(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), max);
  }

  private static List<Line> lines(InputStream body, int max) throws IOException {
    BodyLines underTest = new BodyLines(body, max);
    List<Line> lines = new ArrayList<>();
    for (Line line = underTest.next(); line != null; line = underTest.next()) {
      lines.add(line);
    }
    assertThat(underTest.next()).isNull();
    return lines;
  }
}
