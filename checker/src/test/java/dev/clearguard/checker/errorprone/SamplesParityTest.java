package dev.clearguard.checker.errorprone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clearguard.rules.Rules;
import dev.clearguard.testing.TestCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the samples twice on the build's JDK, once with {@code -Xplugin:ClearGuard} and once
 * with {@code -Xplugin:ErrorProne} (Error Prone 2.42.0 discovering the adapters on the processor
 * path, as a user's build does), and requires the same findings from both: rule, file, line, column
 * and message. Both must also equal the samples' golden file.
 */
final class SamplesParityTest {
  private static final Path SAMPLES =
      Path.of(System.getProperty("clearguard.samples", "../samples")).toAbsolutePath().normalize();
  private static final Set<String> RULES =
      Rules.all().stream().map(r -> r.name()).collect(Collectors.toSet());

  @TempDir Path out;

  @Test
  void positiveErrorProneReportsExactlyThePluginsFindingsOnTheSamples() throws IOException {
    TreeSet<String> plain = findings(List.of("-Xplugin:ClearGuard"), out.resolve("plain"));
    TreeSet<String> errorProne =
        findings(
            List.of(
                "-XDcompilePolicy=simple",
                "--should-stop=ifError=FLOW",
                // The samples are not written for Error Prone's own GuardedBy check, whose error
                // would otherwise fail this compilation.
                "-Xplugin:ErrorProne -Xep:GuardedBy:WARN"),
            out.resolve("errorprone"));
    assertEquals(String.join("\n", plain), String.join("\n", errorProne));
    assertEquals(golden(), plain.stream().map(SamplesParityTest::fileLineRule).toList());
  }

  /** "file:line:column: [Rule] message" for each ClearGuard diagnostic, sorted. */
  private static TreeSet<String> findings(List<String> options, Path classes) throws IOException {
    TestCompiler.Compilation compiled =
        TestCompiler.create()
            .options(options)
            .options("-processorpath", System.getProperty("java.class.path"))
            .files(sources())
            .compile(classes);
    assertTrue(compiled.success(), () -> compiled.diagnostics().toString());
    TreeSet<String> found = new TreeSet<>();
    for (Diagnostic<? extends JavaFileObject> d : compiled.diagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      int close = message.indexOf(']');
      if (!message.startsWith("[") || close < 0 || !RULES.contains(message.substring(1, close))) {
        continue;
      }
      // Error Prone appends "\n    (see <link>)"; the finding's own text comes first.
      String text = message.lines().findFirst().orElse("");
      String file =
          SAMPLES.relativize(Path.of(d.getSource().toUri())).toString().replace('\\', '/');
      found.add(file + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + ": " + text);
    }
    return found;
  }

  private static String fileLineRule(String finding) {
    String[] parts = finding.split(":", 4);
    String rule = parts[3].substring(parts[3].indexOf('[') + 1, parts[3].indexOf(']'));
    return parts[0] + ":" + parts[1] + ":" + rule;
  }

  private static List<String> golden() throws IOException {
    return Files.readAllLines(SAMPLES.resolve("expected-findings.txt")).stream()
        .filter(line -> !line.isBlank())
        .sorted()
        .toList();
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> walk = Files.walk(SAMPLES.resolve("src/main/java"))) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }
}
