package dev.clearguard.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the catalogue complete: a rule is four files with one name (the class, its test, its doc
 * page, its entries in the samples' golden file), discovered through {@code @AutoService} rather
 * than a hand-kept list, with a summary that follows the house style. Adding a rule without the
 * other three files, or forgetting {@code @AutoService}, fails here.
 */
final class CatalogueTest {
  private static final Set<String> RULES =
      Set.of(
          "ClearThenRefill", "IterateRemoveClear", "SyncOnReassignedMap", "UnsafeMapReassignment");

  /** Third-person openings ("Flags ...", "Detects ...") and articles are not imperative. */
  private static final Pattern NOT_IMPERATIVE =
      Pattern.compile("^(?:A|An|The|This|[A-Z][a-z]*[a-rt-z]s)\\b");

  @Test
  void theRulesAreExactlyTheFourOfVersionOne() {
    Set<String> names = Rules.all().stream().map(Rule::name).collect(Collectors.toSet());
    assertEquals(new TreeSet<>(RULES), new TreeSet<>(names));
  }

  @Test
  void everyRuleClassIsDiscovered() throws Exception {
    // A Rule implementation without @AutoService would compile and test fine, and never run.
    Set<String> discovered =
        Rules.all().stream().map(r -> r.getClass().getName()).collect(Collectors.toSet());
    Set<String> declared = new TreeSet<>();
    for (Class<?> type : classesOfTheRulesPackage()) {
      if (Rule.class.isAssignableFrom(type)
          && !type.isInterface()
          && !Modifier.isAbstract(type.getModifiers())) {
        declared.add(type.getName());
      }
    }
    assertFalse(declared.isEmpty(), "found no rule classes to compare with");
    assertEquals(declared, new TreeSet<>(discovered));
  }

  @Test
  void everyRuleClassIsPublicFinalAndNamedAfterItsRule() {
    for (Rule rule : Rules.all()) {
      Class<?> type = rule.getClass();
      int modifiers = type.getModifiers();
      assertTrue(
          Modifier.isPublic(modifiers) && Modifier.isFinal(modifiers),
          type.getName() + " must be a public final class");
      assertEquals(type.getSimpleName(), rule.name());
    }
  }

  @Test
  void everyRuleHasItsTestClass() {
    for (Rule rule : Rules.all()) {
      String testName = rule.getClass().getName() + "Test";
      Class<?> test;
      try {
        test = Class.forName(testName);
      } catch (ClassNotFoundException e) {
        throw new AssertionError(rule.name() + " has no test class " + testName, e);
      }
      int modifiers = test.getModifiers();
      assertTrue(
          Modifier.isFinal(modifiers) && !Modifier.isPublic(modifiers),
          testName + " must be a package-private final class");
    }
  }

  @Test
  void everyRuleHasItsDocPage() {
    for (Rule rule : Rules.all()) {
      Path page = DocsExamplesTest.rulesDocs().resolve(rule.name() + ".md");
      assertTrue(Files.isRegularFile(page), rule.name() + " has no page " + page);
    }
  }

  @Test
  void everyRuleHasAnEntryInTheSamplesGoldenFile() throws IOException {
    Path golden = DocsExamplesTest.repositoryRoot().resolve("samples/expected-findings.txt");
    List<String> lines = Files.readAllLines(golden);
    for (Rule rule : Rules.all()) {
      assertTrue(
          lines.stream().anyMatch(line -> line.endsWith(":" + rule.name())),
          rule.name() + " has no entry in " + golden);
    }
  }

  @Test
  void everySummaryIsOneImperativePlainTextLine() {
    List<String> problems = new ArrayList<>();
    for (Rule rule : Rules.all()) {
      String summary = rule.summary();
      String where = rule.name() + " summary \"" + summary + "\"";
      if (summary.isEmpty() || !Character.isUpperCase(summary.charAt(0))) {
        problems.add(where + " must start with an upper-case verb");
      } else if (NOT_IMPERATIVE.matcher(summary).find()) {
        problems.add(where + " must be imperative (\"Clear ...\", not \"Clears ...\")");
      }
      if (summary.endsWith(".")) {
        problems.add(where + " must not end with a period");
      }
      if (summary.contains("`")) {
        problems.add(where + " must be plain text, without backticks");
      }
      if (summary.length() >= 100) {
        problems.add(where + " must be under 100 characters");
      }
      if (!summary.equals(summary.strip()) || summary.contains("\n")) {
        problems.add(where + " must be one line without surrounding space");
      }
    }
    assertEquals(List.of(), problems);
  }

  /** Every top-level class compiled into the rules package (not its sub-packages). */
  private static List<Class<?>> classesOfTheRulesPackage()
      throws URISyntaxException, IOException, ClassNotFoundException {
    Path root = Path.of(Rule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path dir = root.resolve(Rule.class.getPackageName().replace('.', '/'));
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class") && !name.contains("$")) {
          out.add(
              Class.forName(
                  Rule.class.getPackageName() + "." + name.substring(0, name.length() - 6)));
        }
      }
    }
    return out;
  }
}
