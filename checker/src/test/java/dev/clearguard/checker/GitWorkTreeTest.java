package dev.clearguard.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class GitWorkTreeTest {
  @TempDir Path dir;

  @Test
  void positiveTheNearestDirectoryHoldingGitIsTheRoot() throws Exception {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo.resolve(".git"));
    Path module = Files.createDirectories(repo.resolve("module/src/main/java"));
    assertEquals(Optional.of(repo), GitWorkTree.root(module));
    assertEquals(Optional.of(repo), GitWorkTree.root(repo), "the start directory itself counts");
  }

  @Test
  void positiveALinkedWorkTreeOrSubmoduleWithAGitFileIsARoot() throws Exception {
    Path outer = dir.resolve("outer");
    Files.createDirectories(outer.resolve(".git"));
    Path inner = Files.createDirectories(outer.resolve("lib"));
    Files.writeString(inner.resolve(".git"), "gitdir: ../.git/modules/lib\n");
    assertEquals(Optional.of(inner), GitWorkTree.root(inner.resolve("src")));
  }

  @Test
  void negativeNoGitAboveMeansNoRoot() throws Exception {
    Path plain = Files.createDirectories(dir.resolve("plain/src"));
    // the temporary directory is not inside a work tree on any sane build machine
    org.junit.jupiter.api.Assumptions.assumeTrue(GitWorkTree.root(dir).isEmpty());
    assertEquals(Optional.empty(), GitWorkTree.root(plain));
    assertEquals(Optional.empty(), GitWorkTree.root(null));
  }
}
