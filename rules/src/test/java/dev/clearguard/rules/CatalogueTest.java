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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the catalogue complete: a rule is four files with one name (the class, its test, its doc
 * page, its samples), discovered through {@code @AutoService} rather than a hand-kept list, with a
 * summary that follows the house style, and a page that states what the rule declares. Adding a
 * rule without the other three files, forgetting {@code @AutoService}, or losing a rule whose page
 * is still there, fails here.
 */
final class CatalogueTest {
  /** Third-person openings ("Flags ...", "Detects ...") and articles are not imperative. */
  private static final Pattern NOT_IMPERATIVE =
      Pattern.compile("^(?:A|An|The|This|[A-Z][a-z]*[a-rt-z]s)\\b");

  /** The line under a page's summary that states the rule's severity. */
  private static final Pattern SEVERITY_LINE = Pattern.compile("^\\*\\*Severity: (\\w+)\\*\\*: .+");

  /**
   * The rules are exactly those with a page: a rule class that is deleted, renamed or no longer
   * discovered leaves its page behind, and a page without a rule documents nothing.
   */
  @Test
  void theRulesAreExactlyThoseWithAPage() throws IOException {
    Set<String> pages;
    try (Stream<Path> files = Files.list(DocsExamplesTest.rulesDocs())) {
      pages =
          files
              .map(file -> file.getFileName().toString())
              .filter(name -> name.endsWith(".md"))
              .map(name -> name.substring(0, name.length() - ".md".length()))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertFalse(pages.isEmpty(), "no pages under " + DocsExamplesTest.rulesDocs());
    Set<String> names = Rules.all().stream().map(Rule::name).collect(Collectors.toSet());
    assertEquals(pages, new TreeSet<>(names));
  }

  /**
   * A page opens with what the rule declares, so no table elsewhere has to repeat it: the summary
   * (quoted under the title), the severity (the next paragraph), and, when the rule offers
   * automatic fixes, a section showing them.
   */
  @Test
  void everyPageStatesTheRulesSummarySeverityAndFixes() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Rule rule : Rules.all()) {
      Path page = DocsExamplesTest.rulesDocs().resolve(rule.name() + ".md");
      List<String> lines = Files.readAllLines(page);
      if (lines.size() < 5 || !lines.get(0).equals("# " + rule.name())) {
        problems.add(page + " must start with the title # " + rule.name());
        continue;
      }
      if (!lines.get(2).equals("> " + rule.summary())) {
        problems.add(page + " line 3 must quote the summary: > " + rule.summary());
      }
      Matcher severity = SEVERITY_LINE.matcher(lines.get(4));
      if (!severity.matches() || !severity.group(1).equals(rule.severity().label())) {
        problems.add(
            page + " line 5 must say **Severity: " + rule.severity().label() + "**: and why");
      }
      boolean showsFixes = lines.stream().anyMatch(l -> l.startsWith("### Applied automatically"));
      if (showsFixes != !rule.fixes().isEmpty()) {
        problems.add(
            page
                + (showsFixes
                    ? " shows automatic fixes, but the rule offers none"
                    : " needs a section ### Applied automatically for " + rule.fixes()));
      }
    }
    assertEquals(List.of(), problems);
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
