package dev.clearguard.maven;

import dev.clearguard.rules.Rule;
import dev.clearguard.rules.Rules;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything one module's reports show.
 *
 * @param module the module's name (artifactId)
 * @param toolVersion this plugin's version
 * @param rules the rules that ran
 * @param findings every finding, new and baselined, in file and position order
 * @param sourceTexts the text of each file with a finding, for code excerpts
 * @param repositoryRoot what report locations are relative to
 * @param fileCount how many source files were analysed
 * @param baselineFile the baseline that was applied, or null
 */
record Report(
    String module,
    String toolVersion,
    List<Rule> rules,
    List<Reported> findings,
    Map<Path, String> sourceTexts,
    Path repositoryRoot,
    int fileCount,
    Path baselineFile) {

  Report {
    rules = List.copyOf(rules);
    findings = List.copyOf(findings);
    sourceTexts = Map.copyOf(sourceTexts);
  }

  List<Reported> newFindings() {
    return findings.stream().filter(r -> !r.baselined()).toList();
  }

  List<Reported> baselinedFindings() {
    return findings.stream().filter(Reported::baselined).toList();
  }

  /**
   * The page documenting a rule, as the rule declares it ({@link Rule#docsUrl()}); an absolute URL,
   * as SARIF's {@code helpUri} must be. A rule this build does not know (a baselined finding of
   * another version) gets its page's usual place.
   */
  static String docUrl(String rule) {
    Rule known = Rules.named(rule);
    return known != null ? known.docsUrl() : Rules.DOCS_BASE + rule + ".md";
  }
}
