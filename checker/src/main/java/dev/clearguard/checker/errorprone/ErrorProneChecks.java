package dev.clearguard.checker.errorprone;

/** Constants shared by the Error Prone adapters' {@code @BugPattern}s. */
final class ErrorProneChecks {
  /** Where each rule's page lives; a check's link is this plus {@code <RuleName>.md}. */
  static final String DOCS = "https://github.com/clearguard/clearguard/blob/main/docs/rules/";

  private ErrorProneChecks() {}
}
