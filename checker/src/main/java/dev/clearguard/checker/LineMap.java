package dev.clearguard.checker;

import java.util.Arrays;

/**
 * Where the lines of a text start, for turning offsets into 1-based lines and columns and back. A
 * line ends at {@code \n}, {@code \r\n} or a lone {@code \r}, as javac, JavaParser and {@link
 * String#lines()} count them; a column counts chars (UTF-16 code units), a tab as one.
 */
public final class LineMap {
  private final String text;
  private final int[] starts;
  private final String lineSeparator;

  private LineMap(String text) {
    this.text = text;
    int[] found = new int[16];
    int count = 1;
    int crlf = 0;
    int lf = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
          crlf++;
        } else if (c == '\n') {
          lf++;
        }
        if (count == found.length) {
          found = Arrays.copyOf(found, count * 2);
        }
        found[count++] = i + 1;
      }
    }
    this.starts = Arrays.copyOf(found, count);
    this.lineSeparator = crlf > lf ? "\r\n" : "\n";
  }

  public static LineMap of(String text) {
    return new LineMap(text);
  }

  /**
   * The number of lines, as {@link String#lines()} counts them: a terminator at the very end of the
   * text ends the last line and starts none, and an empty text has no lines.
   */
  public int lineCount() {
    if (text.isEmpty()) {
      return 0;
    }
    int count = starts.length;
    return count > 1 && starts[count - 1] == text.length() ? count - 1 : count;
  }

  /** The 1-based line holding {@code offset}; the end of the text is on the last line started. */
  public int line(int offset) {
    checkOffset(offset);
    int i = Arrays.binarySearch(starts, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** The 1-based column of {@code offset} on its line. */
  public int column(int offset) {
    return offset - starts[line(offset) - 1] + 1;
  }

  /** The offset of the first character of a 1-based line. */
  public int lineStart(int line) {
    if (line < 1 || line > starts.length) {
      throw new IndexOutOfBoundsException("line " + line + " of " + starts.length);
    }
    return starts[line - 1];
  }

  /**
   * The offset of a 1-based line and column, or -1 when the text has no such line. The column is
   * not checked against the line's length.
   */
  public int offset(int line, int column) {
    return line < 1 || line > starts.length ? -1 : starts[line - 1] + column - 1;
  }

  /** A 1-based line's text, without its terminator. */
  public String lineText(int line) {
    int start = lineStart(line);
    int end = line < starts.length ? starts[line] : text.length();
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
      end--;
    }
    return text.substring(start, end);
  }

  /** The terminator most lines end with: {@code \r\n} when more end so than with {@code \n}. */
  public String lineSeparator() {
    return lineSeparator;
  }

  private void checkOffset(int offset) {
    if (offset < 0 || offset > text.length()) {
      throw new IndexOutOfBoundsException("offset " + offset + " of " + text.length());
    }
  }
}
