package dev.clearguard.maven;

import dev.clearguard.checker.GitWorkTree;
import java.nio.file.Path;

/** Where the repository root is, and how paths are shown to people and to code scanning. */
final class ReportPaths {
  private ReportPaths() {}

  /**
   * The directory holding {@code .git} above (or at) the start directory; without one, the fallback
   * (the top-level project's directory). Code scanning resolves SARIF locations against the
   * repository root, so that is what reports are relative to.
   */
  static Path repositoryRoot(Path start, Path fallback) {
    return GitWorkTree.root(start).orElseGet(() -> fallback.toAbsolutePath().normalize());
  }

  /** The path relative to the base with {@code /} separators, or absolute when not under it. */
  static String relative(Path file, Path base) {
    Path absolute = file.toAbsolutePath().normalize();
    Path root = base.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(root) ? root.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }

  /** How a file is printed on the console: relative to where Maven was started, like javac. */
  static String display(Path file, Path base) {
    return base == null ? file.toString() : relative(file, base);
  }
}
