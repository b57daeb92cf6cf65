package dev.clearguard.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class LineMapTest {
  /** Every offset of the text as "line:column", from the start to just past the end. */
  private static List<String> positions(String text) {
    LineMap lines = LineMap.of(text);
    List<String> out = new ArrayList<>();
    for (int offset = 0; offset <= text.length(); offset++) {
      out.add(lines.line(offset) + ":" + lines.column(offset));
    }
    return out;
  }

  @Test
  void positiveEveryLineEndStartsALine() {
    List<String> expected = List.of("1:1", "1:2", "1:3", "2:1", "2:2", "2:3", "3:1", "3:2", "3:3");
    assertEquals(expected, positions("ab\ncd\nef"));
    assertEquals(expected, positions("ab\rcd\ref"));
    assertEquals(
        List.of("1:1", "1:2", "1:3", "1:4", "2:1", "2:2", "2:3", "2:4", "3:1", "3:2", "3:3"),
        positions("ab\r\ncd\r\nef"));
    assertEquals(
        List.of("1:1", "1:2", "1:3", "2:1", "2:2", "3:1", "3:2", "4:1", "4:2"),
        positions("a\r\nb\rc\nd"));
  }

  @Test
  void positiveLineStartsAndOffsetsAreInverse() {
    String text = "ab\r\ncd\ref\ngh";
    LineMap lines = LineMap.of(text);
    assertEquals(List.of(0, 4, 7, 10), List.of(1, 2, 3, 4).stream().map(lines::lineStart).toList());
    assertEquals(8, lines.offset(3, 2));
    assertEquals(-1, lines.offset(5, 1));
    assertEquals(-1, lines.offset(0, 1));
    for (int offset = 0; offset <= text.length(); offset++) {
      assertEquals(offset, lines.offset(lines.line(offset), lines.column(offset)));
    }
  }

  @Test
  void positiveLinesAreCountedAndReadAsStringLinesReadsThem() {
    for (String text :
        List.of(
            "", "a", "a\n", "a\r\n", "a\r", "\n", "\n\n", "a\r\nb\rc\nd", "a\n\rb", "x\r\n\r\n")) {
      LineMap lines = LineMap.of(text);
      List<String> read = new ArrayList<>();
      for (int line = 1; line <= lines.lineCount(); line++) {
        read.add(lines.lineText(line));
      }
      assertEquals(text.lines().toList(), read, () -> "lines of " + text.replace("\r", "\\r"));
    }
  }

  @Test
  void positiveTheLineSeparatorIsTheOneMostLinesEndWith() {
    assertEquals("\n", LineMap.of("no line end").lineSeparator());
    assertEquals("\n", LineMap.of("a\nb\r\nc\n").lineSeparator());
    assertEquals("\r\n", LineMap.of("a\r\nb\nc\r\n").lineSeparator());
    assertEquals("\n", LineMap.of("a\r\nb\rc\n").lineSeparator(), "a tie keeps \\n");
  }
}
