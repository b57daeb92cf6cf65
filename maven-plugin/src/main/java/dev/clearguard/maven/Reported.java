package dev.clearguard.maven;

import dev.clearguard.rules.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A finding as the reports show it.
 *
 * @param finding what the rules found
 * @param file the source file, absolute
 * @param uri the file relative to the repository root, {@code /}-separated
 * @param display the file as the console prints it
 * @param member the enclosing member, e.g. {@code pkg.Cache#evict(java.lang.String)}
 * @param statement the reported code, whitespace-collapsed
 * @param level how severe the rule's findings are
 * @param baselined whether the baseline accepts this finding
 * @param fix the rewrite the fixer would apply, or null
 */
record Reported(
    Finding finding,
    Path file,
    String uri,
    String display,
    String member,
    String statement,
    Level level,
    boolean baselined,
    FixSuggestion fix) {

  Reported withBaselined(boolean value) {
    return new Reported(finding, file, uri, display, member, statement, level, value, fix);
  }

  Reported withFix(FixSuggestion value) {
    return new Reported(finding, file, uri, display, member, statement, level, baselined, value);
  }

  String rule() {
    return finding.rule();
  }

  /** The baseline identity: no line numbers, so unrelated edits above do not change it. */
  Baseline.Key key() {
    return new Baseline.Key(rule(), uri, member, statement);
  }

  /** A stable hash of {@link #key()}, for SARIF {@code partialFingerprints}. */
  String fingerprint() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      Baseline.Key key = key();
      for (String part : new String[] {key.rule(), key.file(), key.member(), key.statement()}) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The console line, javac-style: {@code path:line: [Rule] message}. */
  String consoleLine() {
    return display + ":" + finding.line() + ": [" + rule() + "] " + finding.message();
  }
}
