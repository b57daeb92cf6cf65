package dev.clearguard.checker.fix;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.stmt.Statement;
import dev.clearguard.checker.fix.FixResult.Edit;
import dev.clearguard.rules.Finding;
import dev.clearguard.rules.FixPlan;
import dev.clearguard.rules.FixPlan.Shape;
import dev.clearguard.rules.FixPlan.Strategy;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies findings' fix plans to a source file: javac found the problems and decided what may be
 * rewritten (the plan's {@link dev.clearguard.rules.FieldRewrite} verdicts and positions),
 * JavaParser turns the plans' start offsets into node ranges, and the fixer splices the rewritten
 * statements and declarations into the original text.
 *
 * <p>This class orchestrates: it groups the findings by field, tries the strategies in order and
 * records which findings need each edit. {@link FieldMigration} writes the declaration edits,
 * {@link ShapeRewrites} the statement rewrites, {@link SourceText} holds the text and the edits.
 *
 * <p>All findings on one field are fixed together: the field is migrated once (to a final
 * SnapshotMap, or to a volatile field), and every assignment to it in the file is rewritten, or
 * none is and the findings stay manual.
 */
public final class Fixer {
  private final String path;
  private final String source;
  private final List<Finding> findings;
  private final Map<Finding, FixResult.Outcome> outcomes = new LinkedHashMap<>();
  private SourceText text;
  private CompilationUnit unit;
  private FieldMigration migrations;
  private ShapeRewrites rewrites;

  private Fixer(String path, String source, List<Finding> findings) {
    this.path = path;
    this.source = source;
    this.findings = findings;
  }

  /**
   * Rewrites {@code source} (the text of the file at {@code path}) so that every finding that has a
   * safe automatic fix is fixed. Never throws: a finding it cannot fix is reported as manual.
   */
  public static FixResult fix(String path, String source, List<Finding> findings) {
    List<Finding> given = findings == null ? List.of() : List.copyOf(findings);
    String text = source == null ? "" : source;
    try {
      return new Fixer(path, text, given).run();
    } catch (RuntimeException | StackOverflowError e) {
      List<FixResult.Outcome> manual = new ArrayList<>();
      for (Finding f : given) {
        manual.add(new FixResult.Outcome(f, null, "the fixer failed on this file: " + e));
      }
      return new FixResult(path, text, text, manual, List.of());
    }
  }

  /** The parser configuration: Java 25 syntax, so that current sources parse. */
  static JavaParser parser() {
    return new JavaParser(
        new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_25));
  }

  private FixResult run() {
    ParseResult<CompilationUnit> parsed = parser().parse(source);
    if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
      for (Finding f : findings) {
        manual(f, "JavaParser could not parse the file");
      }
      return result(source, List.of());
    }
    unit = parsed.getResult().get();
    text = new SourceText(source);
    migrations = new FieldMigration(unit, text);
    rewrites = new ShapeRewrites(unit, text);

    Map<String, List<Finding>> byField = new LinkedHashMap<>();
    List<Finding> alone = new ArrayList<>();
    for (Finding f : findings) {
      if (!sameFile(f.file())) {
        manual(f, "the finding is in another file");
      } else if (f.fixPlan().strategies().isEmpty()) {
        String why = f.fixPlan().whyManual();
        manual(f, why != null ? why : "no automatic fix applies");
      } else if (f.fixPlan().field() != null) {
        FixPlan.FieldRef ref = f.fixPlan().field();
        byField.computeIfAbsent(ref.owner() + "#" + ref.name(), k -> new ArrayList<>()).add(f);
      } else {
        alone.add(f);
      }
    }
    for (List<Finding> group : byField.values()) {
      fixField(group);
    }
    for (Finding f : alone) {
      minimalOrManual(f, "the map is not a field of this class");
    }
    List<FixResult.Edit> edits = text.hasEdits() ? text.edits(unit) : List.of();
    return result(edits.isEmpty() ? source : FixResult.Edit.apply(source, edits), edits);
  }

  private FixResult result(String fixed, List<FixResult.Edit> edits) {
    List<FixResult.Outcome> list = new ArrayList<>();
    for (Finding f : findings) {
      FixResult.Outcome o = outcomes.get(f);
      list.add(o != null ? o : new FixResult.Outcome(f, null, "no automatic fix applies"));
    }
    return new FixResult(path, source, fixed, list, edits);
  }

  /** The positions of a finding in the list given, which name it in {@link FixResult#edits()}. */
  private Set<Integer> indexes(Finding f) {
    Set<Integer> out = new TreeSet<>();
    for (int i = 0; i < findings.size(); i++) {
      if (findings.get(i).equals(f)) {
        out.add(i);
      }
    }
    return out;
  }

  private boolean sameFile(String file) {
    if (path == null || file == null || file.equals(path)) {
      return true;
    }
    try {
      return Path.of(file)
          .toAbsolutePath()
          .normalize()
          .equals(Path.of(path).toAbsolutePath().normalize());
    } catch (InvalidPathException e) {
      return false;
    }
  }

  private void manual(Finding f, String reason) {
    outcomes.putIfAbsent(f, new FixResult.Outcome(f, null, reason));
  }

  private void applied(Finding f, Strategy strategy) {
    outcomes.put(f, new FixResult.Outcome(f, strategy, null));
  }

  // ---------------------------------------------------------------- one field, all its findings

  private void fixField(List<Finding> group) {
    FieldNodes field = FieldNodes.locate(unit, text, group.get(0).fixPlan());
    if (field == null) {
      group.forEach(f -> minimalOrManual(f, "the field's declaration was not found"));
      return;
    }
    StringBuilder why = new StringBuilder();
    if (offers(group, Strategy.SNAPSHOT_MAP) && migrate(field, group, Strategy.SNAPSHOT_MAP, why)) {
      return;
    }
    if (offers(group, Strategy.VOLATILE_PUBLISH)
        && migrate(field, group, Strategy.VOLATILE_PUBLISH, why)) {
      return;
    }
    String reason = why.length() == 0 ? "no automatic fix applies" : why.toString();
    group.forEach(f -> minimalOrManual(f, reason));
  }

  private static boolean offers(List<Finding> group, Strategy strategy) {
    return group.stream().anyMatch(f -> f.fixPlan().strategies().contains(strategy));
  }

  /**
   * Migrates the field with {@code strategy} and fixes each finding that way; returns false and
   * changes nothing when the field cannot be migrated or no finding would be fixed by it.
   */
  private boolean migrate(
      FieldNodes field, List<Finding> group, Strategy strategy, StringBuilder why) {
    Set<String> imports = new TreeSet<>();
    List<Edit> migration = new ArrayList<>();
    IdentityHashMap<Statement, Edit> rewrittenAssignments = new IdentityHashMap<>();
    String problem =
        strategy == Strategy.SNAPSHOT_MAP
            ? migrations.snapshotMap(field, migration, rewrittenAssignments, imports)
            : migrations.volatilePublish(field, migration);
    if (problem != null) {
      note(why, problem);
      return false;
    }
    migration.addAll(rewrittenAssignments.values());
    if (!text.fits(migration)) {
      note(why, "the field's edits collide with another fix");
      return false;
    }
    List<Edit> all = new ArrayList<>(migration);
    Map<Finding, List<Edit>> fixes = new LinkedHashMap<>();
    Map<Finding, Set<String>> fixImports = new LinkedHashMap<>();
    Map<Finding, String> failures = new LinkedHashMap<>();
    for (Finding f : group) {
      FixPlan plan = f.fixPlan();
      if (!plan.strategies().contains(strategy)) {
        continue;
      }
      Statement target = FieldNodes.statementAt(unit, text, plan.target().offset());
      List<Edit> edits = new ArrayList<>();
      Set<String> needed = new TreeSet<>();
      String failure =
          target == null
              ? "the statement to rewrite was not found"
              : findingEdits(field, f, target, strategy, rewrittenAssignments, edits, needed);
      if (failure == null) {
        List<Edit> trial = new ArrayList<>(all);
        trial.addAll(edits);
        if (text.fits(trial)) {
          all = trial;
          fixes.put(f, edits);
          fixImports.put(f, needed);
          continue;
        }
        failure = "its edits collide with another fix";
      }
      failures.put(f, failure);
    }
    if (fixes.isEmpty()) {
      failures.values().forEach(r -> note(why, r));
      return false;
    }
    // The migration is part of every fixed finding's fix: each one, applied alone, must compile.
    Set<Integer> migrated = new TreeSet<>();
    fixes.keySet().forEach(f -> migrated.addAll(indexes(f)));
    text.accept(migration, imports, migrated);
    for (Map.Entry<Finding, List<Edit>> fix : fixes.entrySet()) {
      text.accept(fix.getValue(), fixImports.get(fix.getKey()), indexes(fix.getKey()));
      applied(fix.getKey(), strategy);
    }
    for (Finding f : group) {
      if (!fixes.containsKey(f)) {
        minimalOrManual(f, failures.getOrDefault(f, "no automatic fix applies"));
      }
    }
    return true;
  }

  private static void note(StringBuilder why, String reason) {
    if (why.indexOf(reason) < 0) {
      why.append(why.length() == 0 ? "" : "; ").append(reason);
    }
  }

  /** The edits one finding needs beyond the field's migration, or why there are none. */
  private String findingEdits(
      FieldNodes field,
      Finding f,
      Statement target,
      Strategy strategy,
      Map<Statement, Edit> rewrittenAssignments,
      List<Edit> edits,
      Set<String> imports) {
    FixPlan plan = f.fixPlan();
    return switch (plan.shape()) {
      case CLEAR_LOOP, CLEAR_CALL -> rewrites.clearEdits(plan, target, edits);
      case DRAIN_LOOP ->
          strategy == Strategy.SNAPSHOT_MAP
              ? rewrites.drainEdits(field, plan, target, edits)
              : "a loop that processes each entry is rewritten only for SnapshotMap (drain())";
      case CLEAR_THEN_REFILL -> rewrites.refillEdits(field, plan, target, strategy, edits, imports);
      case REASSIGN_EMPTY, REASSIGN_VALUE ->
          strategy == Strategy.SNAPSHOT_MAP
              ? (rewrittenAssignments.containsKey(target)
                  ? null
                  : "the assignment is not a statement of its own")
              : rewrites.publishesComplete(field, target);
      case SYNC_ON_REASSIGNED ->
          strategy == Strategy.SNAPSHOT_MAP
              ? null
              : "only a final SnapshotMap keeps the lock object fixed";
    };
  }

  private void minimalOrManual(Finding f, String reason) {
    if (outcomes.containsKey(f)) {
      return;
    }
    FixPlan plan = f.fixPlan();
    if (plan.strategies().contains(Strategy.MINIMAL_CLEAR)
        && (plan.shape() == Shape.CLEAR_LOOP || plan.shape() == Shape.CLEAR_CALL)) {
      Statement target = FieldNodes.statementAt(unit, text, plan.target().offset());
      List<Edit> edits = new ArrayList<>();
      String failure =
          target == null
              ? "the statement to rewrite was not found"
              : rewrites.clearEdits(plan, target, edits);
      if (failure == null && text.fits(edits)) {
        text.accept(edits, Set.of(), indexes(f));
        applied(f, Strategy.MINIMAL_CLEAR);
        return;
      }
      reason = failure != null ? failure : "its edits collide with another fix";
    }
    manual(f, reason);
  }
}
