package dev.clearguard.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ClearGuard against the stress tests: the jcstress controls that demonstrate a race ClearGuard has
 * a rule for must be reported, and nothing else in the suite may be: not the SnapshotMap contracts,
 * and not the controls whose race is outside the rules ({@code ConcurrentHashMap.clear()} itself, a
 * swap without a gate). jcstress-ci.sh shows each reported race failing at run time, so this is the
 * static side of the same evidence.
 */
final class StressSuiteFindingsTest {
  private static final Path STRESS = Path.of("src", "jcstress", "java");

  @TempDir Path out;

  @Test
  void exactlyTheControlsOfReportedRacesAreReported() throws IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.walk(STRESS)) {
      sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
    }
    assertFalse(sources.isEmpty(), "no stress tests under " + STRESS.toAbsolutePath());
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    String classPath = System.getProperty("java.class.path");
    try (StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, null)) {
      boolean ok =
          compiler
              .getTask(
                  null,
                  files,
                  diagnostics,
                  List.of(
                      "-proc:none", // the plugin still runs; jcstress's processor need not
                      "-Xplugin:ClearGuard",
                      "-processorpath",
                      classPath,
                      "-classpath",
                      classPath,
                      "-d",
                      out.toString()),
                  null,
                  files.getJavaFileObjectsFromPaths(sources))
              .call();
      assertTrue(ok, () -> diagnostics.getDiagnostics().toString());
    }
    Set<String> reported = new TreeSet<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      if (d.getKind() == Diagnostic.Kind.NOTE && message.startsWith("[")) {
        String file = Path.of(d.getSource().toUri()).getFileName().toString();
        reported.add(file + ": " + message.substring(1, message.indexOf(']')));
      }
    }
    assertEquals(
        Set.of(
            "ClearThenPutAllSwapControl.java: ClearThenRefill",
            "IterateRemoveClearControl.java: IterateRemoveClear"),
        reported);
  }
}
