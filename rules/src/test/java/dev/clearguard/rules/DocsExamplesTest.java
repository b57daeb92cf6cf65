package dev.clearguard.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Keeps the rule pages honest: every complete Java example in {@code docs/rules/*.md} is compiled
 * with every rule, and must produce exactly the findings its {@code // BUG: Diagnostic contains:}
 * markers announce. An example that claims a finding must get it; an example presented as silent
 * (no marker) must stay silent. NullAway's uncompiled {@code .java.buggy} files are what happens
 * otherwise.
 *
 * <p>A block is compiled when it is a compilation unit: its first non-blank line starts with {@code
 * package}, {@code import} or a top-level {@code class}, or is the comment {@code // compile}.
 * Fragments (a loop, a call) are left alone. Each block is compiled on its own; a block that
 * mentions {@code SnapshotMap} gets the runtime's real class on its class path, as a user who has
 * added the runtime dependency would.
 */
final class DocsExamplesTest {
  private static final Pattern FENCE_OPEN = Pattern.compile("^```java\\s*$");
  private static final Pattern FENCE_CLOSE = Pattern.compile("^```\\s*$");
  private static final Pattern COMPILATION_UNIT =
      Pattern.compile(
          "^(package\\s|import\\s|(?:(?:public|final|abstract)\\s+)*class\\s|//\\s*compile\\b)");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
  private static final Pattern TOP_LEVEL_TYPE =
      Pattern.compile(
          "(?m)^(?:(?:public|final|abstract|sealed|non-sealed)\\s+)*"
              + "(?:class|interface|enum|record|@interface)\\s+(\\w+)");
  private static final String MARKER = "// BUG: Diagnostic contains:";

  /** One fenced Java block of a page. */
  record Example(Path page, int line, String code) {
    boolean compiled() {
      String first = code.strip();
      return COMPILATION_UNIT.matcher(first).find();
    }

    boolean claimsFinding() {
      return code.contains(MARKER);
    }

    String fileName() {
      Matcher pkg = PACKAGE.matcher(code);
      Matcher type = TOP_LEVEL_TYPE.matcher(code);
      if (!type.find()) {
        throw new AssertionError(this + ": no top-level type to name the file after");
      }
      String dir = pkg.find() ? pkg.group(1).replace('.', '/') + "/" : "";
      return dir + type.group(1) + ".java";
    }

    @Override
    public String toString() {
      return "docs/rules/" + page.getFileName() + ":" + line;
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCompleteExampleGetsExactlyItsMarkedFindings() {
    List<Example> compiled = examples().stream().filter(Example::compiled).toList();
    assertFalse(compiled.isEmpty(), "no compilable examples found under " + rulesDocs());
    return compiled.stream()
        .map(example -> DynamicTest.dynamicTest(example.toString(), () -> check(example)));
  }

  @Test
  void everyRulePageShowsAFindingAndASilentCase() {
    for (Rule rule : Rules.all()) {
      Path page = rulesDocs().resolve(rule.name() + ".md");
      List<Example> compiled =
          examples().stream().filter(e -> e.page().equals(page)).filter(Example::compiled).toList();
      assertTrue(
          compiled.stream().anyMatch(Example::claimsFinding),
          page + " has no compiled example that produces a finding");
      assertTrue(
          compiled.stream().anyMatch(e -> !e.claimsFinding()),
          page + " has no compiled example that stays silent");
    }
  }

  private static void check(Example example) {
    RuleTester tester = RuleTester.create();
    if (example.code().contains("SnapshotMap")) {
      tester.withSnapshotMap();
    }
    tester.addSource(example.fileName(), example.code());
    try {
      tester.expectMarkedFindings();
    } catch (AssertionError e) {
      throw new AssertionError(example + ": " + e.getMessage(), e);
    }
  }

  private static List<Example> examples() {
    List<Example> out = new ArrayList<>();
    try (Stream<Path> pages = Files.list(rulesDocs())) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
        out.addAll(blocks(page));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static List<Example> blocks(Path page) throws IOException {
    List<String> lines = Files.readAllLines(page);
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!FENCE_OPEN.matcher(lines.get(i)).matches()) {
        continue;
      }
      int start = i + 1;
      StringBuilder code = new StringBuilder();
      for (i = start; i < lines.size() && !FENCE_CLOSE.matcher(lines.get(i)).matches(); i++) {
        code.append(lines.get(i)).append('\n');
      }
      out.add(new Example(page, start + 1, code.toString()));
    }
    return out;
  }

  /** {@code docs/rules}, found from the working directory (surefire runs in {@code rules/}). */
  static Path rulesDocs() {
    return repositoryRoot().resolve("docs").resolve("rules");
  }

  static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
        return dir;
      }
    }
    throw new AssertionError(
        "no repository root (a directory with mvnw and docs/) above "
            + Path.of("").toAbsolutePath());
  }
}
