package dev.clearguard.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clearguard.testing.TestCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the samples with ClearGuard and compares its findings with {@code
 * expected-findings.txt}, in both directions: a finding that appears and one that disappears both
 * fail. Runs on the build's JDK in-process, and on JDK 25 through the published plugin jar.
 */
final class SamplesGoldenTest {
  private static final Path SAMPLES = Path.of(System.getProperty("clearguard.samples", "."));

  /** A finding as javac prints it by default: a note at its line. */
  private static final Pattern NOTE =
      Pattern.compile("^(.+\\.java):(\\d+): Note: \\[(\\w+)\\]", Pattern.MULTILINE);

  /** A finding in the list ClearGuard prints on standard error once javac is done. */
  private static final Pattern LISTED =
      Pattern.compile(
          "^  - \\[(\\w+)\\] (.+\\.java):(\\d+) \\(rule severity: (?:error|warning)\\)$",
          Pattern.MULTILINE);

  @TempDir Path out;

  @Test
  void positiveFindingsMatchTheGoldenFileOnTheBuildJdk() throws IOException {
    TestCompiler.Compilation compiled =
        TestCompiler.create().plugin("ClearGuard").files(sources()).compile(out);
    assertTrue(compiled.success(), () -> compiled.diagnostics().toString());
    TreeSet<String> actual = new TreeSet<>();
    for (Diagnostic<? extends JavaFileObject> d : compiled.diagnostics()) {
      String message = d.getMessage(Locale.ROOT);
      if (d.getKind() == Diagnostic.Kind.NOTE && message.startsWith("[")) {
        String rule = message.substring(1, message.indexOf(']'));
        actual.add(relative(Path.of(d.getSource().toUri())) + ":" + d.getLineNumber() + ":" + rule);
      }
    }
    assertGolden(actual);
  }

  @Test
  void positiveFindingsMatchTheGoldenFileOnJdk25WithThePluginJar() throws Exception {
    Path jdk = Path.of(System.getProperty("clearguard.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
    Path javac = jdk.resolve("bin/javac");
    if (!Files.isExecutable(javac)) {
      // CI machines have JDK 25; a contributor's laptop may not.
      assertTrue(System.getenv("CI") == null, "CI must have JDK 25 at " + jdk);
      Assumptions.abort("no JDK 25 at " + jdk + "; set -Dclearguard.jdk25=<path>");
    }
    Path jar = Path.of(System.getProperty("clearguard.checkerJar"));
    assertTrue(Files.isRegularFile(jar), "run the build through `package` first: " + jar);
    List<String> command = new ArrayList<>();
    command.add(javac.toString());
    command.addAll(
        List.of("-processorpath", jar.toString(), "-Xplugin:ClearGuard", "-d", out.toString()));
    sources().forEach(p -> command.add(p.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "javac 25 timed out");
    assertEquals(0, process.exitValue(), output);
    TreeSet<String> actual = new TreeSet<>();
    Matcher m = NOTE.matcher(output);
    while (m.find()) {
      actual.add(relative(Path.of(m.group(1))) + ":" + m.group(2) + ":" + m.group(3));
    }
    assertGolden(actual);
    // The same findings again in the closing list, which is what a -nowarn build still shows.
    TreeSet<String> listed = new TreeSet<>();
    Matcher l = LISTED.matcher(output);
    while (l.find()) {
      listed.add(relative(Path.of(l.group(2))) + ":" + l.group(3) + ":" + l.group(1));
    }
    assertEquals(actual, listed, output);
  }

  private static List<Path> sources() throws IOException {
    try (Stream<Path> walk = Files.walk(SAMPLES.resolve("src/main/java"))) {
      return walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
  }

  private static String relative(Path file) {
    return SAMPLES
        .toAbsolutePath()
        .normalize()
        .relativize(file.toAbsolutePath().normalize())
        .toString()
        .replace('\\', '/');
  }

  private static void assertGolden(TreeSet<String> actual) throws IOException {
    TreeSet<String> expected =
        new TreeSet<>(Files.readAllLines(SAMPLES.resolve("expected-findings.txt")));
    expected.removeIf(String::isBlank);
    TreeSet<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    TreeSet<String> unexpected = new TreeSet<>(actual);
    unexpected.removeAll(expected);
    assertEquals(
        "",
        (missing.isEmpty()
                ? ""
                : "expected but not reported:\n  " + String.join("\n  ", missing) + "\n")
            + (unexpected.isEmpty()
                ? ""
                : "reported but not expected:\n  " + String.join("\n  ", unexpected) + "\n"));
  }
}
