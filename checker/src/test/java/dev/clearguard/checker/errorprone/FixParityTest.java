package dev.clearguard.checker.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clearguard.checker.ClearGuardListener;
import dev.clearguard.checker.Options;
import dev.clearguard.checker.SamplesGolden;
import dev.clearguard.checker.fix.FixResult;
import dev.clearguard.checker.fix.Fixer;
import dev.clearguard.rules.Finding;
import dev.clearguard.rules.Rule;
import dev.clearguard.rules.Rules;
import dev.clearguard.testing.TestCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Error Prone's patcher applies exactly the fixer's rewrites: sources patched in place with {@code
 * -XepPatchChecks} for every check (Error Prone 2.42.0, discovering the adapters on the processor
 * path) equal, byte for byte, what {@link Fixer} makes of the plain plugin's findings, which is
 * what {@code -Xplugin:"ClearGuard patch=..."} writes. The refactoring tests compare through
 * google-java-format (that is what TEXT_MATCH does); this test does not.
 */
final class FixParityTest {
  private static final Path SAMPLES =
      Path.of(System.getProperty("clearguard.samples", "../samples")).toAbsolutePath().normalize();
  private static final String CHECKS =
      Rules.all().stream().map(Rule::name).collect(Collectors.joining(","));

  /** The samples' findings of rules that offer no automatic fix: patching leaves them all. */
  private static final int WITHOUT_FIXES = (int) SamplesGolden.ofRulesWithoutFixes(SAMPLES);

  @TempDir Path dir;

  @Test
  void fixSamplesWithSnapshotMapPatchedByErrorProneEqualTheFixersOutput() throws IOException {
    assertParity(samples(), true, WITHOUT_FIXES);
  }

  @Test
  void fixSamplesWithoutSnapshotMapPatchedByErrorProneEqualTheFixersOutput() throws IOException {
    // The two drain loops and the two locks on `routes` stay manual, as with patch= (4, as
    // expected-after-patch.txt lists them).
    assertParity(samples(), false, (int) SamplesGolden.manualWithoutSnapshotMap() + WITHOUT_FIXES);
  }

  @Test
  void fixSharedMigrationAndImportsAreAppliedOnce() throws IOException {
    // Four findings on one field: the migration and the imports (SnapshotMap for all, HashMap for
    // the refill, inserted at the same place) are in each finding's fix, and applied once.
    String source =
        """
        package app;

        import java.util.Map;
        import java.util.Properties;
        import java.util.concurrent.ConcurrentHashMap;

        class Settings {
          private Map<String, String> settings = new ConcurrentHashMap<>();

          String get(String key) {
            return settings.get(key);
          }

          void reset() {
            for (String k : settings.keySet()) {
              settings.remove(k);
            }
          }

          void reloadFrom(Properties props) {
            settings.clear();
            for (String name : props.stringPropertyNames()) {
              settings.put(name, props.getProperty(name));
            }
          }

          void replace(Map<String, String> fresh) {
            synchronized (settings) {
              settings = new ConcurrentHashMap<>(fresh);
            }
          }
        }

        class Other {
          private final Map<String, Integer> counts = new ConcurrentHashMap<>();

          void reset() {
            counts.keySet().removeIf(k -> true);
          }
        }
        """;
    Path file = dir.resolve("src/app/Settings.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    Map<Path, String> fixed = assertParity(List.of(file), true, 0);
    String after = fixed.get(file);
    assertEquals(1, count(after, "import dev.clearguard.runtime.SnapshotMap;"), after);
    assertEquals(1, count(after, "import java.util.HashMap;"), after);
    assertTrue(after.contains("private final SnapshotMap<String, String> settings"), after);
    assertTrue(after.contains("private final SnapshotMap<String, Integer> counts"), after);
  }

  /**
   * Patches copies of {@code files} with Error Prone and asserts each equals the fixer's output for
   * the plain plugin's findings; then that the patched code compiles and only {@code remaining}
   * findings are left. Returns the fixer's output by original path.
   */
  private Map<Path, String> assertParity(List<Path> files, boolean snapshotMap, int remaining)
      throws IOException {
    List<Path> classPath = new ArrayList<>();
    List<Path> extra = new ArrayList<>();
    if (snapshotMap) {
      classPath.add(TestCompiler.runtimeClasses());
    }

    Map<Path, String> expected = fixerOutput(files, extra, classPath);

    Path copyRoot = dir.resolve("errorprone");
    Map<Path, Path> copies = new LinkedHashMap<>();
    for (Path f : files) {
      Path copy = copyRoot.resolve(f.getRoot() == null ? f : f.getRoot().relativize(f));
      Files.createDirectories(copy.getParent());
      Files.copy(f, copy);
      copies.put(f, copy);
    }
    List<Path> patchedFiles = new ArrayList<>(copies.values());
    patchedFiles.addAll(extra);
    Compiled patch =
        errorProne(
            patchedFiles,
            classPath,
            "-XepPatchChecks:" + CHECKS + " -XepPatchLocation:IN_PLACE",
            dir.resolve("c1"));
    assertTrue(patch.success, patch.diagnostics);
    int changed = 0;
    for (Path f : files) {
      String actual = Files.readString(copies.get(f));
      assertEquals(expected.get(f), actual, f.toString());
      changed += actual.equals(Files.readString(f)) ? 0 : 1;
    }
    assertTrue(changed > 0, "nothing was patched");

    Compiled after = errorProne(patchedFiles, classPath, "", dir.resolve("c2"));
    assertTrue(after.success, after.diagnostics);
    assertEquals(remaining, after.findings.size(), after.findings::toString);
    return expected;
  }

  /** What the fixer makes of each file, given the plain plugin's findings. */
  private Map<Path, String> fixerOutput(List<Path> files, List<Path> extra, List<Path> classPath)
      throws IOException {
    List<Path> all = new ArrayList<>(files);
    all.addAll(extra);
    ClearGuardListener[] listener = {null};
    TestCompiler plain =
        TestCompiler.create()
            .options("-proc:none")
            .files(all)
            .listener(task -> listener[0] = new ClearGuardListener(task, Options.defaults()));
    if (!classPath.isEmpty()) {
      plain.classPath(classPath);
    }
    TestCompiler.Compilation compiled = plain.compile(Path.of(created("plain")));
    assertTrue(compiled.success(), compiled.diagnostics()::toString);
    List<Finding> findings = listener[0].findings();
    Map<String, List<Finding>> byFile = new TreeMap<>();
    for (Finding f : findings) {
      byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
    }
    Map<Path, String> out = new LinkedHashMap<>();
    for (Path f : files) {
      String source = Files.readString(f);
      List<Finding> found = byFile.getOrDefault(f.toString(), List.of());
      FixResult result = Fixer.fix(f.toString(), source, found);
      out.put(f, result.fixed());
    }
    assertTrue(
        byFile.keySet().stream()
            .allMatch(k -> files.stream().anyMatch(f -> f.toString().equals(k))),
        () -> "findings named files the test does not know: " + byFile.keySet());
    return out;
  }

  private record Compiled(boolean success, List<String> findings, String diagnostics) {}

  private Compiled errorProne(List<Path> files, List<Path> classPath, String flags, Path out)
      throws IOException {
    TestCompiler errorProne =
        TestCompiler.create()
            .options(
                "-XDcompilePolicy=simple",
                "--should-stop=ifError=FLOW",
                // The samples are not written for Error Prone's own GuardedBy check.
                "-Xplugin:ErrorProne -Xep:GuardedBy:WARN " + flags,
                "-processorpath",
                System.getProperty("java.class.path"))
            .files(files);
    if (!classPath.isEmpty()) {
      errorProne.classPath(classPath);
    }
    TestCompiler.Compilation compiled = errorProne.compile(out);
    List<String> findings = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compiled.diagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      if (Stream.of(CHECKS.split(",")).anyMatch(c -> message.startsWith("[" + c + "]"))) {
        findings.add(d.getSource().getName() + ":" + d.getLineNumber() + ": " + message);
      }
    }
    return new Compiled(compiled.success(), findings, compiled.diagnostics().toString());
  }

  private String created(String name) throws IOException {
    return Files.createDirectories(dir.resolve(name)).toString();
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  private static List<Path> samples() throws IOException {
    try (Stream<Path> walk = Files.walk(SAMPLES.resolve("src/main/java"))) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }
}
