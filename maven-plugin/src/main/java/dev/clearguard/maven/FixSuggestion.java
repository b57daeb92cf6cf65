package dev.clearguard.maven;

import java.util.List;

/**
 * The fixer's rewrite for one finding, as text edits on the original file.
 *
 * @param description one line saying what the rewrite does
 * @param diff the unified diff of the rewrite
 * @param edits the replaced character ranges, in file order
 */
record FixSuggestion(String description, String diff, List<Replacement> edits) {
  FixSuggestion {
    edits = List.copyOf(edits);
  }

  /**
   * The SARIF view of a {@code FixResult.Edit} (the one edit record, made by the fixer): replace
   * {@code length} characters at {@code offset} of the original text by {@code replacement}; lines
   * and columns (1-based) locate the same range for readers without offsets.
   */
  record Replacement(
      int offset,
      int length,
      int startLine,
      int startColumn,
      int endLine,
      int endColumn,
      String replacement) {}
}
