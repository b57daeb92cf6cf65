package dev.clearguard.checker.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class UnifiedDiffTest {
  @TempDir Path dir;

  @Test
  void negativeEqualTextsGiveNoDiff() {
    assertEquals("", UnifiedDiff.render("a.txt", "a.txt", "x\n", "x\n"));
  }

  @Test
  void fixHunksHaveThreeLinesOfContextAndMergeWhenClose() {
    String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n";
    String after =
        before
            .replaceFirst("\n2\n", "\ntwo\n")
            .replaceFirst("\n8\n", "\n")
            .replace("19\n", "19\nnew\n");
    assertEquals(
        """
        --- a/x.txt
        +++ b/x.txt
        @@ -1,11 +1,10 @@
         1
        -2
        +two
         3
         4
         5
         6
         7
        -8
         9
         10
         11
        @@ -17,4 +16,5 @@
         17
         18
         19
        +new
         20
        """,
        UnifiedDiff.render("x.txt", "x.txt", before, after).replace(pathPrefix(), ""));
  }

  @Test
  void fixMarksAMissingNewlineAtTheEnd() {
    assertEquals(
        """
        --- a/x.txt
        +++ b/x.txt
        @@ -1,2 +1,2 @@
         a
        -b
        \\ No newline at end of file
        +c
        \\ No newline at end of file
        """,
        UnifiedDiff.render("x.txt", "x.txt", "a\nb", "a\nc").replace(pathPrefix(), ""));
  }

  @Test
  void fixGitApplyTakesThePatchFromTheRepositoryRoot() throws Exception {
    Path repo = dir.resolve("repo");
    Path file = repo.resolve("module/src/A.java");
    Files.createDirectories(file.getParent());
    String before = "class A {\r\n  int a;\r\n  int b;\r\n}";
    String after = "class A {\r\n  int a;\r\n  long b;\r\n}";
    Files.writeString(file, before);
    Assumptions.assumeTrue(git(repo, "init", "-q") == 0, "git is not available");
    String patch = UnifiedDiff.render(file.toString(), file.toString(), before, after);
    assertTrue(patch.startsWith("--- a/module/src/A.java\n+++ b/module/src/A.java\n"), patch);
    Files.writeString(repo.resolve("fix.patch"), patch);
    assertEquals(0, git(repo, "apply", "--check", "fix.patch"));
    assertEquals(0, git(repo, "apply", "fix.patch"));
    assertEquals(after, Files.readString(file));
  }

  /** What the diff header puts before a relative path that is not inside a git work tree. */
  private static String pathPrefix() {
    String shown = UnifiedDiff.displayPath("x.txt");
    return shown.substring(0, shown.length() - "x.txt".length());
  }

  static int git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-c", "core.autocrlf=false"));
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
      return p.waitFor();
    } catch (IOException e) {
      return -1;
    }
  }
}
