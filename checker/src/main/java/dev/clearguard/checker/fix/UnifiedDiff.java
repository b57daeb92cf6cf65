package dev.clearguard.checker.fix;

import dev.clearguard.checker.GitWorkTree;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders the difference of two versions of a file as a unified diff with three lines of context,
 * in the form {@code git apply} and {@code patch -p1} accept.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /**
   * The unified diff from {@code before} to {@code after}, or the empty string when they are equal.
   * Each path is written relative to the root of the git work tree that holds the file, so that
   * {@code git apply} run from the repository root finds it; outside a work tree, relative to the
   * current working directory when the file is below it, else as given.
   */
  public static String render(String oldPath, String newPath, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = lines(before);
    List<String> b = lines(after);
    List<int[]> script = diff(a, b);
    StringBuilder out = new StringBuilder();
    out.append("--- a/").append(displayPath(oldPath)).append('\n');
    out.append("+++ b/").append(displayPath(newPath)).append('\n');
    // script: one entry per line of the edit script: {op, indexInA, indexInB}; op 0 keep, -1 del,
    // +1 add.
    int i = 0;
    while (i < script.size()) {
      if (script.get(i)[0] == 0) {
        i++;
        continue;
      }
      int start = Math.max(0, i - CONTEXT);
      int lastChange = i;
      for (int j = i + 1; j < script.size() && j - lastChange - 1 <= 2 * CONTEXT; j++) {
        if (script.get(j)[0] != 0) {
          lastChange = j;
        }
      }
      int end = Math.min(script.size(), lastChange + CONTEXT + 1);
      hunk(out, script.subList(start, end), a, b);
      i = end;
    }
    return out.toString();
  }

  private static void hunk(StringBuilder out, List<int[]> ops, List<String> a, List<String> b) {
    int aCount = 0;
    int bCount = 0;
    for (int[] op : ops) {
      if (op[0] <= 0) {
        aCount++;
      }
      if (op[0] >= 0) {
        bCount++;
      }
    }
    // the position of the first line of each side: for an empty side, the line before the hunk
    int[] first = ops.get(0);
    int aStart = first[1] + 1;
    int bStart = first[2] + 1;
    if (aCount == 0) {
      aStart--;
    }
    if (bCount == 0) {
      bStart--;
    }
    out.append("@@ -").append(range(aStart, aCount)).append(" +").append(range(bStart, bCount));
    out.append(" @@\n");
    for (int[] op : ops) {
      String line = op[0] < 0 ? a.get(op[1]) : b.get(op[2]);
      out.append(op[0] < 0 ? '-' : op[0] > 0 ? '+' : ' ');
      if (line.endsWith("\n")) {
        out.append(line);
      } else {
        out.append(line).append("\n\\ No newline at end of file\n");
      }
    }
  }

  private static String range(int start, int count) {
    return count == 1 ? Integer.toString(start) : start + "," + count;
  }

  /** Splits after each {@code \n}, keeping the terminators (a {@code \r} stays in its line). */
  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines.add(text.substring(from, i + 1));
        from = i + 1;
      }
    }
    if (from < text.length()) {
      lines.add(text.substring(from));
    }
    return lines;
  }

  /**
   * A shortest edit script by Myers' O(ND) algorithm ("An O(ND) Difference Algorithm and Its
   * Variations", 1986), after trimming the common head and tail: fixes touch a few lines of long
   * files.
   */
  private static List<int[]> diff(List<String> a, List<String> b) {
    int head = 0;
    while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < a.size() - head
        && tail < b.size() - head
        && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
      tail++;
    }
    int n = a.size() - head - tail;
    int m = b.size() - head - tail;
    List<int[]> script = new ArrayList<>();
    for (int k = 0; k < head; k++) {
      script.add(new int[] {0, k, k});
    }
    script.addAll(myers(a.subList(head, head + n), b.subList(head, head + m), head));
    for (int k = 0; k < tail; k++) {
      script.add(new int[] {0, head + n + k, head + m + k});
    }
    return script;
  }

  private static List<int[]> myers(List<String> a, List<String> b, int offset) {
    int n = a.size();
    int m = b.size();
    int max = n + m;
    List<int[]> trace = new ArrayList<>();
    int[] v = new int[2 * max + 2];
    int found = -1;
    for (int d = 0; d <= max && found < 0; d++) {
      trace.add(v.clone());
      for (int k = -d; k <= d; k += 2) {
        int x =
            k == -d || (k != d && v[max + k - 1] < v[max + k + 1])
                ? v[max + k + 1]
                : v[max + k - 1] + 1;
        int y = x - k;
        while (x < n && y < m && a.get(x).equals(b.get(y))) {
          x++;
          y++;
        }
        v[max + k] = x;
        if (x >= n && y >= m) {
          found = d;
          break;
        }
      }
    }
    List<int[]> reversed = new ArrayList<>();
    int x = n;
    int y = m;
    for (int d = found; d > 0; d--) {
      int[] vd = trace.get(d);
      int k = x - y;
      int prevK = k == -d || (k != d && vd[max + k - 1] < vd[max + k + 1]) ? k + 1 : k - 1;
      int prevX = vd[max + prevK];
      int prevY = prevX - prevK;
      while (x > prevX && y > prevY) {
        x--;
        y--;
        reversed.add(new int[] {0, offset + x, offset + y});
      }
      if (x == prevX) {
        y--;
        reversed.add(new int[] {1, offset + x, offset + y});
      } else {
        x--;
        reversed.add(new int[] {-1, offset + x, offset + y});
      }
    }
    while (x > 0 && y > 0) {
      x--;
      y--;
      reversed.add(new int[] {0, offset + x, offset + y});
    }
    List<int[]> script = new ArrayList<>();
    for (int i = reversed.size() - 1; i >= 0; i--) {
      script.add(reversed.get(i));
    }
    return script;
  }

  /** The path as the diff header shows it, with forward slashes. */
  static String displayPath(String path) {
    Path file;
    try {
      file = Path.of(path).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      return path;
    }
    Path root = GitWorkTree.root(file.getParent()).orElse(null);
    Path cwd = Path.of("").toAbsolutePath().normalize();
    Path relative;
    if (root != null) {
      relative = root.relativize(file);
    } else if (file.startsWith(cwd)) {
      relative = cwd.relativize(file);
    } else {
      return path.replace('\\', '/');
    }
    return relative.toString().replace('\\', '/');
  }
}
