package dev.clearguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SourceAnalyzerTest {
  @TempDir Path root;

  @Test
  void negativeCompileErrorNamesTheFirstError() {
    SourceAnalyzer.CompileErrorException e =
        assertThrows(
            SourceAnalyzer.CompileErrorException.class,
            () ->
                Fixtures.analyse(
                    root,
                    Map.of(
                        "demo/Broken.java",
                        "package demo;\n\nclass Broken {\n  int x = undefinedName;\n}\n")));
    assertEquals("src/main/java/demo/Broken.java:4: cannot find symbol", e.getMessage());
  }

  @Test
  void positiveMembersAndStatementsIdentifyFindingsWithoutLineNumbers() throws Exception {
    String source =
        """
        package demo;

        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;

        public class Outer {
          static class Inner {
            private final Map<String, Integer> counts = new ConcurrentHashMap<>();

            Inner(int unused) {}

            void reset(Map<String, Integer> other, String... names) {
              new Thread() {
                @Override
                public void run() {
                  for (String k : counts.keySet()) {
                    counts.remove(k);
                  }
                }
              }.start();
            }
          }
        }
        """;
    List<SourceAnalyzer.Located> found =
        Fixtures.analyse(root, Map.of("demo/Outer.java", source)).findings();
    assertEquals(1, found.size());
    // The anonymous class is looked through: adding another one elsewhere renames nothing.
    assertEquals("demo.Outer.Inner#reset(java.util.Map,java.lang.String[])", found.get(0).member());
    assertEquals(
        "for (String k : counts.keySet()) { counts.remove(k); }", found.get(0).statement());
  }

  @Test
  void positiveLongStatementsAreCut() {
    String longCode = "x".repeat(500);
    assertEquals(SourceAnalyzer.MAX_STATEMENT_CHARS, SourceAnalyzer.normalise(longCode).length());
    assertEquals("a b c", SourceAnalyzer.normalise("  a \n\t b\r\n c  "));
  }
}
