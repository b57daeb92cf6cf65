package dev.clearguard.checker.fix;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import dev.clearguard.checker.AtomicFiles;
import dev.clearguard.checker.ClearGuardListener;
import dev.clearguard.rules.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes one unified diff with the fixes of a whole compilation ({@code -Xplugin:"ClearGuard
 * patch=<file>"}), as Error Prone's patch mode does: sources stay untouched, the patch is written
 * atomically, and an empty file means nothing could be fixed automatically.
 */
public final class PatchWriter implements ClearGuardListener.FindingsSink {
  private final Path patch;

  public PatchWriter(Path patch) {
    this.patch = patch;
  }

  @Override
  public void compilationFinished(JavacTask task, List<Finding> findings) throws IOException {
    String diff;
    try {
      diff = render(findings);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      // Whatever goes wrong in the fixer, the user's compilation has succeeded and stays so.
      System.err.println("warning: ClearGuard could not compute its patch: " + e);
      diff = "";
    }
    AtomicFiles.write(patch, diff);
  }

  /** The patch text for the findings of one compilation, files in path order. */
  public static String render(List<Finding> findings) {
    Map<String, List<Finding>> byFile = new TreeMap<>();
    Map<String, CompilationUnitTree> units = new TreeMap<>();
    for (Finding f : findings) {
      byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
      if (f.path() != null) {
        units.putIfAbsent(f.file(), f.path().getCompilationUnit());
      }
    }
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) {
      try {
        String source = source(file.getKey(), units.get(file.getKey()));
        out.append(Fixer.fix(file.getKey(), source, file.getValue()).diff());
      } catch (IOException | RuntimeException | LinkageError | StackOverflowError e) {
        // A fixer bug must not cost the user the compilation, nor the other files' fixes.
        System.err.println(
            "warning: ClearGuard could not compute fixes for " + file.getKey() + ": " + e);
      }
    }
    return out.toString();
  }

  private static String source(String file, CompilationUnitTree unit) throws IOException {
    if (unit != null) {
      return unit.getSourceFile().getCharContent(true).toString();
    }
    return java.nio.file.Files.readString(Path.of(file));
  }
}
