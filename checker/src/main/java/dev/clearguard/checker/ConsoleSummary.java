package dev.clearguard.checker;

import com.sun.source.util.JavacTask;
import dev.clearguard.rules.Finding;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * With {@code severity=note}, the default, lists the compilation's findings on standard error once
 * javac is done: one line each, with the rule, the file's line and the rule's severity.
 *
 * <p>Notes are the one javac diagnostic {@code -Werror} never counts, so they cannot fail a build;
 * but {@code -nowarn} and {@code -Xlint:none} hide them, and a plugin cannot read javac's options
 * to tell. This list is how a finding still shows in such a build. Its lines never start with a
 * {@code file:line:} prefix, so tools that parse javac's output do not take them for compiler
 * messages; a forked maven-compiler-plugin drops them (docs/guide.md says what to do there).
 */
final class ConsoleSummary implements ClearGuardListener.FindingsSink {
  private final PrintStream out;
  private final Path base;

  ConsoleSummary(PrintStream out, Path base) {
    this.out = out;
    this.base = base;
  }

  /** Standard error, with files named relative to the working directory where they sit in it. */
  static ConsoleSummary toStandardError() {
    Path base;
    try {
      base = Path.of("").toAbsolutePath();
    } catch (InvalidPathException | SecurityException e) {
      base = null;
    }
    return new ConsoleSummary(System.err, base);
  }

  @Override
  public void compilationFinished(JavacTask task, List<Finding> findings) {
    if (findings.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    text.append("ClearGuard: ")
        .append(findings.size())
        .append(findings.size() == 1 ? " finding" : " findings")
        .append(", each reported as a note at its line")
        .append(
            " (builds with -nowarn or -Xlint:none hide notes; see docs/guide.md, \"Severity\"):")
        .append(System.lineSeparator());
    for (Finding finding : findings) {
      text.append("  - [")
          .append(finding.rule())
          .append("] ")
          .append(display(finding.file()))
          .append(':')
          .append(finding.line())
          .append(" (rule severity: ")
          .append(dev.clearguard.rules.Rules.severityOf(finding.rule()).label())
          .append(')')
          .append(System.lineSeparator());
    }
    out.print(text);
    out.flush();
  }

  private String display(String file) {
    if (base == null) {
      return file;
    }
    try {
      Path path = Path.of(file);
      return path.isAbsolute() && path.startsWith(base) ? base.relativize(path).toString() : file;
    } catch (InvalidPathException e) {
      return file;
    }
  }
}
