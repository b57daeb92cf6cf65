package dev.clearguard.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BaselineTest {
  @TempDir Path root;

  private static final String TWO_LOOPS =
      """
      package demo;

      import java.util.Map;
      import java.util.concurrent.ConcurrentHashMap;

      public class Twice {
        private final Map<String, String> cache = new ConcurrentHashMap<>();

        public void reset() {
          cache.keySet().removeIf(k -> true);
          cache.keySet().removeIf(k -> true);
        }
      }
      """;

  private List<Reported> analyse(String name, String source) throws Exception {
    return Fixtures.reported(root, Fixtures.analyse(root, Map.of(name, source)));
  }

  @Test
  void negativeUnrelatedEditsAboveKeepFindingsBaselined() throws Exception {
    Baseline baseline = Baseline.of(analyse("demo/Sessions.java", Fixtures.SESSIONS));
    String moved =
        Fixtures.SESSIONS.replace(
            "public class Sessions {",
            "/** Now documented. */\npublic class Sessions {\n  private int unrelated;\n\n"
                + "  public int unrelated() {\n    return unrelated;\n  }\n");
    List<Reported> after = baseline.apply(analyse("demo/Sessions.java", moved));
    assertEquals(2, after.size());
    assertTrue(after.get(0).finding().line() > 10, "the lines did move");
    assertTrue(after.stream().allMatch(Reported::baselined), after.toString());
  }

  @Test
  void positiveANewFindingIsNotBaselined() throws Exception {
    Baseline baseline = Baseline.of(analyse("demo/Sessions.java", Fixtures.SESSIONS));
    String more =
        Fixtures.SESSIONS.replace(
            "  public void reload(",
            "  public void purge() {\n    sessions.values().removeIf(v -> true);\n  }\n\n"
                + "  public void reload(");
    List<Reported> after = baseline.apply(analyse("demo/Sessions.java", more));
    assertEquals(3, after.size());
    assertEquals(
        List.of("demo.Sessions#purge()"),
        after.stream().filter(r -> !r.baselined()).map(Reported::member).toList());
  }

  @Test
  void positiveDuplicatesAreCounted() throws Exception {
    List<Reported> two = analyse("demo/Twice.java", TWO_LOOPS);
    assertEquals(2, two.size());
    assertEquals(two.get(0).key(), two.get(1).key());
    Baseline baseline = Baseline.of(List.of(two.get(0)));
    List<Reported> applied = baseline.apply(two);
    assertEquals(List.of(true, false), applied.stream().map(Reported::baselined).toList());
    Baseline both = Baseline.of(two);
    assertEquals(2, both.size());
    assertTrue(both.apply(two).stream().allMatch(Reported::baselined));
  }

  @Test
  void positiveRoundTripsThroughItsFile() throws Exception {
    List<Reported> findings = analyse("demo/Twice.java", TWO_LOOPS);
    Baseline baseline = Baseline.of(findings);
    Path file = root.resolve("clearguard-baseline.json");
    Files.writeString(file, baseline.render());
    Baseline read = Baseline.read(file);
    assertEquals(baseline.counts(), read.counts());
    assertTrue(Files.readString(file).contains("\"count\" : 2"));
    assertTrue(Files.readString(file).contains("\"member\" : \"demo.Twice#reset()\""));
  }

  @Test
  void positiveMalformedFilesNameTheFileAndTheProblem() throws Exception {
    Path file = root.resolve("clearguard-baseline.json");
    assertMalformed(file, "{\"formatVersion\": 1, \"findings\": [", "not valid JSON: line 1");
    assertMalformed(file, "[]", "the top level must be a JSON object");
    assertMalformed(file, "{\"findings\": []}", "\"formatVersion\" must be 1 but is null");
    assertMalformed(file, "{\"formatVersion\": 1}", "\"findings\" must be an array");
    assertMalformed(
        file,
        "{\"formatVersion\": 1, \"findings\": [{\"rule\": \"X\"}]}",
        "findings[0].file must be a string but is null");
    assertMalformed(
        file,
        "{\"formatVersion\": 1, \"findings\": [{\"rule\": \"X\", \"file\": \"f\", \"member\": \"m\","
            + " \"statement\": \"s\", \"count\": 0}]}",
        "findings[0].count must be a positive whole number but is 0");
  }

  private static void assertMalformed(Path file, String content, String problem) throws Exception {
    Files.writeString(file, content);
    Baseline.MalformedException e =
        assertThrows(Baseline.MalformedException.class, () -> Baseline.read(file));
    assertTrue(e.getMessage().startsWith("ClearGuard baseline " + file + " is malformed: "));
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }
}
