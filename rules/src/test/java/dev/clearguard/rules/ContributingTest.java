package dev.clearguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps CONTRIBUTING.md's two rule rows honest: "add a rule" names the files every rule has, and
 * "add a rule with a new kind of fix" names every main source file that decides by {@link
 * FixPlan.Shape}, found by scanning the sources rather than listed here, so a file that starts (or
 * stops) switching on the shapes fails this test until the row says so.
 */
final class ContributingTest {
  private static final String PLACEHOLDER = "<RuleName>";

  /** A backticked repository path in a table cell: it has a slash and no spaces. */
  private static final Pattern PATH = Pattern.compile("`([^` ]+/[^` ]*)`");

  @Test
  void theRuleRowNamesTheFilesEveryRuleHas() throws IOException {
    List<String> paths = paths(row("add a rule"));
    assertTrue(paths.stream().filter(p -> p.contains(PLACEHOLDER)).count() >= 3, paths::toString);
    List<String> problems = new ArrayList<>();
    for (String path : paths) {
      for (Rule rule : Rules.all()) {
        Path file = root().resolve(path.replace(PLACEHOLDER, rule.name()));
        if (!Files.exists(file)) {
          problems.add(rule.name() + " has no " + root().relativize(file));
        }
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void theNewKindOfFixRowNamesEveryFileThatDecidesByShape() throws IOException {
    List<String> paths = paths(row("add a rule with a new kind of fix"));
    List<String> problems = new ArrayList<>();
    for (String path : paths) {
      Path file = root().resolve(path);
      if (path.contains(PLACEHOLDER) ? !Files.isDirectory(file.getParent()) : !Files.exists(file)) {
        problems.add("CONTRIBUTING.md names " + path + ", which does not exist");
      }
    }
    Set<String> listed = new TreeSet<>(paths);
    for (String file : filesDecidingByShape()) {
      if (!listed.contains(file)) {
        problems.add(file + " decides by FixPlan.Shape but is not in the row");
      }
    }
    assertEquals(List.of(), problems);
  }

  /**
   * Main source files, repository-relative, that a new shape makes someone revisit: the one that
   * declares the enum, and those with a {@code case} label naming a shape or a comparison with one.
   * A rule's own class compares only its own shapes; it is the row's {@code <RuleName>.java}.
   */
  static Set<String> filesDecidingByShape() throws IOException {
    String names =
        Stream.of(FixPlan.Shape.values()).map(Enum::name).collect(Collectors.joining("|"));
    Pattern decides =
        Pattern.compile(
            "\\benum\\s+Shape\\b"
                + "|\\bcase\\s+(?:[\\w.]+\\s*,\\s*)*(?:Shape\\.)?(?:"
                + names
                + ")\\b"
                + "|[=!]=\\s*(?:FixPlan\\.)?Shape\\.(?:"
                + names
                + ")\\b"
                + "|\\bShape\\.(?:"
                + names
                + ")\\s*[=!]=");
    Set<String> rules = Rules.all().stream().map(Rule::name).collect(Collectors.toSet());
    Map<Path, String> sources = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(root())) {
      for (Path file : files.filter(ContributingTest::isMainSource).toList()) {
        sources.put(file, Files.readString(file));
      }
    }
    Set<String> out = new TreeSet<>();
    for (Map.Entry<Path, String> source : sources.entrySet()) {
      String name = simpleName(source.getKey());
      if (rules.contains(name) || helperOfOneRule(name, sources, rules)) {
        continue;
      }
      if (decides.matcher(source.getValue()).find()) {
        out.add(root().relativize(source.getKey()).toString().replace('\\', '/'));
      }
    }
    assertFalse(out.isEmpty(), "found no file that decides by FixPlan.Shape");
    return out;
  }

  /**
   * A class that exactly one rule uses and no other main class does (IterateRemoveClear's {@code
   * Removals}): it belongs to that rule, so it compares only that rule's shapes.
   */
  private static boolean helperOfOneRule(
      String name, Map<Path, String> sources, Set<String> rules) {
    Pattern use = Pattern.compile("\\b" + Pattern.quote(name) + "\\b");
    int rulesUsing = 0;
    for (Map.Entry<Path, String> source : sources.entrySet()) {
      String user = simpleName(source.getKey());
      if (user.equals(name) || !use.matcher(withoutComments(source.getValue())).find()) {
        continue;
      }
      if (!rules.contains(user)) {
        return false;
      }
      rulesUsing++;
    }
    return rulesUsing == 1;
  }

  private static String withoutComments(String java) {
    return java.replaceAll("(?s)/\\*.*?\\*/|//[^\n]*", "");
  }

  private static String simpleName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".java".length());
  }

  private static boolean isMainSource(Path file) {
    String path = root().relativize(file).toString().replace('\\', '/');
    return path.endsWith(".java")
        && path.contains("/src/main/java/")
        && !path.startsWith("corpus/")
        && !path.contains("/target/");
  }

  /** The cell of files of the table row whose first cell is {@code what}. */
  private static String row(String what) throws IOException {
    for (String line : Files.readAllLines(root().resolve("CONTRIBUTING.md"))) {
      String[] cells = line.split("\\s*\\|\\s*");
      if (cells.length >= 3 && (cells[1].equals(what) || cells[1].startsWith(what + " ("))) {
        return cells[2];
      }
    }
    throw new AssertionError("CONTRIBUTING.md has no row \"| " + what + " |\"");
  }

  private static List<String> paths(String cell) {
    List<String> out = new ArrayList<>();
    Matcher m = PATH.matcher(cell);
    while (m.find()) {
      out.add(m.group(1));
    }
    assertFalse(out.isEmpty(), "no paths in: " + cell);
    return out;
  }

  private static Path root() {
    return DocsExamplesTest.repositoryRoot();
  }
}
