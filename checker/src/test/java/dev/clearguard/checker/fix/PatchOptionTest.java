package dev.clearguard.checker.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clearguard.testing.TestCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class PatchOptionTest {
  @TempDir Path dir;

  @Test
  void negativeNothingFixableWritesAnEmptyPatch() throws Exception {
    Path file = dir.resolve("src/app/Clean.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "package app;\nclass Clean {}\n");
    Path patch = dir.resolve("out/fixes.patch");
    TestCompiler.Compilation c =
        SourceTrees.compileWithPlugin("patch=" + patch, List.of(file), false, dir.resolve("c"));
    assertTrue(c.success(), c.diagnostics().toString());
    assertEquals("", Files.readString(patch));
  }

  @Test
  void fixPatchHoldsTheFixAndLeavesTheSourceAlone() throws Exception {
    String source =
        """
        package app;

        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;

        class Cache {
          private final Map<String, String> entries = new ConcurrentHashMap<>();

          void reset() {
            entries.keySet().removeIf(k -> true);
          }
        }
        """;
    Path file = dir.resolve("src/app/Cache.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    Path patch = dir.resolve("out/fixes.patch");
    TestCompiler.Compilation c =
        SourceTrees.compileWithPlugin("patch=" + patch, List.of(file), false, dir.resolve("c"));
    assertTrue(c.success(), c.diagnostics().toString());
    assertEquals(source, Files.readString(file));
    String name = UnifiedDiff.displayPath(file.toString());
    assertEquals(
        "--- a/"
            + name
            + "\n+++ b/"
            + name
            + "\n"
            + """
            @@ -7,6 +7,6 @@
               private final Map<String, String> entries = new ConcurrentHashMap<>();
            \s
               void reset() {
            -    entries.keySet().removeIf(k -> true);
            +    entries.clear();
               }
             }
            """,
        Files.readString(patch));
  }
}
