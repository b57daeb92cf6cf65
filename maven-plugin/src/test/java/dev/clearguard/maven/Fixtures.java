package dev.clearguard.maven;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.clearguard.checker.Options;
import dev.clearguard.rules.Rules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Real findings from real sources, analysed as the mojos do, and the SARIF schema. */
final class Fixtures {
  static final String SESSIONS =
      """
      package demo;

      import java.util.Map;
      import java.util.concurrent.ConcurrentHashMap;

      public class Sessions {
        private final Map<String, String> sessions = new ConcurrentHashMap<>();

        public void logoutAll() {
          for (String id : sessions.keySet()) {
            sessions.remove(id);
          }
        }

        public void reload(Map<String, String> fresh) {
          sessions.clear();
          sessions.putAll(fresh);
        }
      }
      """;

  private Fixtures() {}

  /** Writes the sources under {@code root/src/main/java} and analyses them. */
  static SourceAnalyzer.Scan analyse(Path root, Map<String, String> sources)
      throws IOException, SourceAnalyzer.CompileErrorException {
    List<Path> files = new ArrayList<>();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = root.resolve("src/main/java").resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      files.add(file);
    }
    return SourceAnalyzer.analyze(
        new SourceAnalyzer.Input(
            SourceAnalyzer.sorted(files),
            List.of(),
            "17",
            null,
            "UTF-8",
            List.of(),
            Options.defaults()),
        root);
  }

  static List<Reported> reported(Path root, SourceAnalyzer.Scan result) {
    return result.findings().stream()
        .map(
            l ->
                new Reported(
                    l.finding(),
                    l.file(),
                    ReportPaths.relative(l.file(), root),
                    ReportPaths.display(l.file(), root),
                    l.member(),
                    l.statement(),
                    Level.of(l.finding().rule()),
                    false,
                    null))
        .toList();
  }

  static Report report(Path root, List<Reported> findings, Map<Path, String> texts, Path baseline) {
    return new Report("demo", "0.1.0-test", Rules.all(), findings, texts, root, 1, baseline);
  }

  /** The schema violations of a SARIF document, as readable strings; empty when valid. */
  static List<String> sarifErrors(String sarif) {
    try (InputStream schemaText = Fixtures.class.getResourceAsStream("/sarif-schema-2.1.0.json")) {
      Schema schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schemaText);
      return schema.validate(sarif, InputFormat.JSON).stream().map(Error::toString).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
