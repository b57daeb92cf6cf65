package dev.clearguard.maven;

import dev.clearguard.checker.LineMap;
import dev.clearguard.checker.fix.FixResult;
import dev.clearguard.checker.fix.Fixer;
import dev.clearguard.checker.fix.UnifiedDiff;
import dev.clearguard.rules.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the fixer on its own threads, one file per task, so that the rewrites of files javac has
 * analysed are computed on the spare cores while javac is still analysing the rest of the module
 * (javac uses one core). The fixer keeps no shared state, so the calls run in parallel.
 *
 * <p>For the reports it gives the fixer's rewrite of each finding: what {@code clearguard:fix}
 * would do to the file if this were the only finding, as SARIF-ready text edits and a unified diff.
 */
final class FixerPool implements AutoCloseable {
  private final ExecutorService executor;
  private final Map<String, FileFix> tasks = new ConcurrentHashMap<>();

  private record FileFix(List<Finding> findings, Future<FixResult> result) {}

  FixerPool() {
    ClassLoader loader = FixerPool.class.getClassLoader();
    executor =
        Executors.newFixedThreadPool(
            Math.max(1, Runtime.getRuntime().availableProcessors()),
            runnable -> {
              Thread thread = new Thread(runnable, "clearguard-fixer");
              thread.setDaemon(true);
              thread.setContextClassLoader(loader);
              return thread;
            });
    // Loading JavaParser costs a few hundred milliseconds; do it while javac starts up. Its outcome
    // does not matter: a fixer that cannot load fails again, visibly, on the first real file.
    Future<?> unused = executor.submit(() -> Fixer.fix("Warm.java", "class Warm {}", List.of()));
  }

  /** Starts fixing the file for exactly these findings, unless that is under way already. */
  void submit(String path, String text, List<Finding> findings) {
    tasks.compute(
        path,
        (p, task) ->
            task != null && sameFindings(task.findings(), findings)
                ? task
                : new FileFix(
                    List.copyOf(findings), executor.submit(() -> Fixer.fix(path, text, findings))));
  }

  FixResult result(String path, String text, List<Finding> findings) {
    submit(path, text, findings);
    try {
      return tasks.get(path).result().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while computing fixes", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the fixer failed: " + e.getCause(), e.getCause());
    }
  }

  private static boolean sameFindings(List<Finding> a, List<Finding> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!isSame(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The very finding objects the running fix was started for, not merely equal ones. */
  @SuppressWarnings("ReferenceEquality") // identity is the point, see above
  private static boolean isSame(Finding a, Finding b) {
    return a == b;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  /** The findings with their fixes attached where the fixer applies one; baselined ones skipped. */
  static List<Reported> suggest(List<Reported> findings, Map<Path, String> texts) {
    try (FixerPool pool = new FixerPool()) {
      return suggest(findings, texts, pool);
    }
  }

  /**
   * Each finding not in the baseline, with the part of its file's rewrite that its own fix needs
   * (its rewrites plus what it shares with findings on the same field), as edits and as a diff.
   */
  static List<Reported> suggest(List<Reported> findings, Map<Path, String> texts, FixerPool pool) {
    Map<Path, List<Reported>> byFile = new LinkedHashMap<>();
    for (Reported r : findings) {
      if (!r.baselined() && texts.get(r.file()) != null) {
        byFile.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(r);
      }
    }
    for (Map.Entry<Path, List<Reported>> file : byFile.entrySet()) {
      pool.submit(
          file.getKey().toString(),
          texts.get(file.getKey()),
          file.getValue().stream().map(Reported::finding).toList());
    }
    IdentityHashMap<Reported, Reported> fixed = new IdentityHashMap<>();
    for (Map.Entry<Path, List<Reported>> file : byFile.entrySet()) {
      String path = file.getKey().toString();
      String text = texts.get(file.getKey());
      List<Reported> inFile = file.getValue();
      FixResult result = pool.result(path, text, inFile.stream().map(Reported::finding).toList());
      for (int i = 0; i < inFile.size(); i++) {
        FixResult.Outcome outcome = result.outcomes().get(i);
        List<FixResult.Edit> edits = result.editsFor(i);
        if (!outcome.applied() || edits.isEmpty()) {
          continue;
        }
        Reported r = inFile.get(i);
        String after = FixResult.Edit.apply(text, edits);
        fixed.put(
            r,
            r.withFix(
                new FixSuggestion(
                    outcome.strategy().describe(r.finding().fixPlan().mapExpression()),
                    UnifiedDiff.render(path, path, text, after),
                    edits.stream().map(e -> edit(text, e)).toList())));
      }
    }
    return findings.stream().map(r -> fixed.getOrDefault(r, r)).toList();
  }

  /** The fixer's edit with the 1-based lines and columns SARIF readers also want. */
  static FixSuggestion.Replacement edit(String text, FixResult.Edit edit) {
    LineMap lines = LineMap.of(text);
    return new FixSuggestion.Replacement(
        edit.start(),
        edit.end() - edit.start(),
        lines.line(edit.start()),
        lines.column(edit.start()),
        lines.line(edit.end()),
        lines.column(edit.end()),
        edit.replacement());
  }
}
