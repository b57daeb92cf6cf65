package dev.clearguard.build;

import dev.clearguard.rules.Rule;
import dev.clearguard.rules.Rules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Writes, while the checker compiles, one Error Prone check per rule of the catalogue ({@link
 * Rules#all()} on this processor's path): {@code dev.clearguard.checker.errorprone.<RuleName>}, a
 * {@code ClearGuardChecker} whose {@code @BugPattern} takes the summary, page and tags from the
 * rule. Error Prone needs a class per check name ({@code -Xep:<RuleName>:OFF}); generating them
 * means a new rule needs no adapter written by hand.
 *
 * <p>Every check is declared {@code SUGGESTION} whatever the rule's severity: Error Prone cannot
 * lower a check, so the default must be the lowest, and adding the checks must not fail a {@code
 * -Werror} build (docs/guide-errorprone.md, "Severity").
 *
 * <p>The checker's build names this processor explicitly; it is registered in no {@code
 * META-INF/services}, and its module is never shipped, so it cannot run in a user's compilation.
 */
public final class BugCheckerGenerator extends AbstractProcessor {
  /** The package of the generated checks, which holds their base class. */
  static final String PACKAGE = "dev.clearguard.checker.errorprone";

  private boolean done;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (done) {
      return false;
    }
    done = true;
    for (Rule rule : Rules.all()) {
      String name = PACKAGE + "." + rule.name();
      try (Writer out = processingEnv.getFiler().createSourceFile(name).openWriter()) {
        out.write(source(rule));
      } catch (IOException e) {
        throw new UncheckedIOException("could not write " + name, e);
      }
    }
    return false; // claims nothing: the other processors (AutoService) see every annotation
  }

  /** The check's source text. */
  static String source(Rule rule) {
    String tags =
        rule.tags().stream().map(BugCheckerGenerator::literal).collect(Collectors.joining(", "));
    return "package "
        + PACKAGE
        + ";\n\n"
        + "/**\n"
        + " * ClearGuard's {@link "
        + rule.getClass().getName()
        + "} rule as an Error Prone check of the same name.\n"
        + " * Generated from the rule by "
        + BugCheckerGenerator.class.getName()
        + ".\n"
        + " */\n"
        + "@javax.annotation.processing.Generated(\""
        + BugCheckerGenerator.class.getName()
        + "\")\n"
        + "@com.google.auto.service.AutoService(com.google.errorprone.bugpatterns.BugChecker.class)\n"
        + "@com.google.errorprone.BugPattern(\n"
        + "    summary = "
        + literal(rule.summary())
        + ",\n"
        + "    severity = com.google.errorprone.BugPattern.SeverityLevel.SUGGESTION,\n"
        + "    linkType = com.google.errorprone.BugPattern.LinkType.CUSTOM,\n"
        + "    link = "
        + literal(rule.docsUrl())
        + ",\n"
        + "    tags = {"
        + tags
        + "},\n"
        + "    // Suppression is ClearGuard's own, identical to the javac plugin's: see"
        + " ClearGuardChecker.\n"
        + "    suppressionAnnotations = {})\n"
        + "public final class "
        + rule.name()
        + " extends ClearGuardChecker {}\n";
  }

  /** A Java string literal of {@code text}. */
  static String literal(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
