package dev.clearguard.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clearguard.testing.TestCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
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
    TestCompiler.Compilation compiled =
        TestCompiler.create()
            .plugin("ClearGuard")
            .options("-proc:none") // the plugin still runs; jcstress's processor need not
            .withSnapshotMap()
            .files(sources)
            .compile(out);
    assertTrue(compiled.success(), () -> compiled.diagnostics().toString());
    Set<String> reported = new TreeSet<>();
    for (Diagnostic<? extends JavaFileObject> d : compiled.diagnostics()) {
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
