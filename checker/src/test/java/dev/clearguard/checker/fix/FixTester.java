package dev.clearguard.checker.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clearguard.checker.ClearGuardListener;
import dev.clearguard.checker.Options;
import dev.clearguard.rules.Finding;
import dev.clearguard.testing.TestCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles sources in-process with ClearGuard's listener to get real findings, runs the fixer on
 * them, and checks that the fixed code compiles and leaves nothing the fixer could still fix.
 */
final class FixTester {
  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern CLASS =
      Pattern.compile(
          "^(?:public |final |abstract )*(?:class|record|enum|interface) (\\w+)",
          Pattern.MULTILINE);

  /** The outcome of compiling some sources with ClearGuard. */
  record Compiled(boolean success, List<Finding> findings, String diagnostics) {}

  private FixTester() {}

  /** Where a source file with this text lives below a source root. */
  static String relativePath(String source) {
    Matcher pkg = PACKAGE.matcher(source);
    Matcher type = CLASS.matcher(source);
    assertTrue(type.find(), "no class in test source");
    String dir = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
    return dir + type.group(1) + ".java";
  }

  /** Compiles the files with ClearGuard; the runtime's real SnapshotMap is added when asked. */
  static Compiled compile(Path dir, boolean snapshotMap, List<Path> files) {
    ClearGuardListener[] listener = {null};
    TestCompiler.Compilation result =
        TestCompiler.create()
            .options("-proc:none")
            .withSnapshotMap(snapshotMap)
            .files(files)
            .listener(task -> listener[0] = new ClearGuardListener(task, Options.defaults()))
            .compile(dir.resolve("classes-" + System.nanoTime()));
    return new Compiled(result.success(), listener[0].findings(), result.diagnostics().toString());
  }

  /** Writes one source below {@code dir} and compiles it with ClearGuard. */
  static Compiled compile(Path dir, boolean snapshotMap, String source) {
    try {
      Path file = dir.resolve("src").resolve(relativePath(source));
      Files.createDirectories(file.getParent());
      Files.writeString(file, source);
      return compile(dir, snapshotMap, List.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Fixes {@code before} and returns the result, after checking that the fixed text compiles and
   * that ClearGuard then reports nothing the fixer can still fix.
   */
  static FixResult fix(Path dir, boolean snapshotMap, String before) {
    Compiled first = compile(dir.resolve("before"), snapshotMap, before);
    assertTrue(first.success(), first.diagnostics());
    String file = first.findings().isEmpty() ? "none" : first.findings().get(0).file();
    FixResult result = Fixer.fix(file, before, first.findings());
    assertEditsMakeTheFix(dir, snapshotMap, result);
    Compiled second = compile(dir.resolve("after"), snapshotMap, result.fixed());
    assertTrue(second.success(), () -> second.diagnostics() + "\n" + result.fixed());
    FixResult again = Fixer.fix(file, result.fixed(), second.findings());
    assertEquals(
        List.of(), again.applied(), () -> "still fixable after the fix:\n" + again.fixed());
    assertEquals(
        result.manual().size(),
        second.findings().size(),
        () -> "new or remaining findings after the fix: " + second.findings());
    return result;
  }

  /**
   * The per-finding edits: together they make the fixed text; an applied finding has some, a manual
   * one none; and each applied finding's edits, applied alone (as an IDE applies one suggested
   * fix), give code that compiles.
   */
  static void assertEditsMakeTheFix(Path dir, boolean snapshotMap, FixResult result) {
    assertEquals(result.fixed(), FixResult.Edit.apply(result.original(), result.edits()));
    for (int i = 0; i < result.outcomes().size(); i++) {
      FixResult.Outcome outcome = result.outcomes().get(i);
      List<FixResult.Edit> edits = result.editsFor(i);
      assertEquals(outcome.applied(), !edits.isEmpty(), outcome::toString);
      if (outcome.applied() && result.applied().size() > 1) {
        String alone = FixResult.Edit.apply(result.original(), edits);
        Compiled compiled = compile(dir.resolve("alone-" + i), snapshotMap, alone);
        assertTrue(compiled.success(), () -> outcome + " alone:\n" + compiled.diagnostics());
      }
    }
  }

  /** Asserts the fixed text exactly. */
  static FixResult assertFix(Path dir, boolean snapshotMap, String before, String after) {
    FixResult result = fix(dir, snapshotMap, before);
    assertEquals(after, result.fixed(), () -> String.valueOf(result.outcomes()));
    return result;
  }
}
