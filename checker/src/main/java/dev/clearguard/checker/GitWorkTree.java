package dev.clearguard.checker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the root of the git work tree that holds a path: the nearest directory holding {@code .git}
 * (a directory, or the file a linked work tree or submodule has). Patches and code-scanning reports
 * name files relative to it, because that is where {@code git apply} and code scanning resolve
 * them.
 */
public final class GitWorkTree {
  private GitWorkTree() {}

  /** The nearest directory at or above {@code start} that holds {@code .git}, if there is one. */
  public static Optional<Path> root(Path start) {
    if (start == null) {
      return Optional.empty();
    }
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(".git"))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }
}
