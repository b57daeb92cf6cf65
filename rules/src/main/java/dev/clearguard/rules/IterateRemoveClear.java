package dev.clearguard.rules;

import com.google.auto.service.AutoService;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import dev.clearguard.rules.FixPlan.Shape;
import dev.clearguard.rules.facts.ClassFacts;
import dev.clearguard.rules.facts.ClassFacts.Event;
import dev.clearguard.rules.facts.MapKnowledge;
import dev.clearguard.rules.facts.MapTarget;
import dev.clearguard.rules.facts.Site;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Flags code that empties a shared concurrent map by removing its entries one at a time. */
@AutoService(Rule.class)
public final class IterateRemoveClear implements Rule {
  /**
   * The one-line summary, a constant so annotations (Error Prone\'s {@code @BugPattern}) can use
   * it.
   */
  public static final String SUMMARY =
      "Clear a shared concurrent map in one call instead of removing its entries one by one";

  /**
   * Error: puts made during the loop are lost or survive at random, and readers see a half-emptied
   * map.
   */
  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return SUMMARY;
  }

  /**
   * Every variant removes through a method named remove, removeIf, removeAll or retainAll, and
   * reaches the map's keys through one of the map's views ({@code keySet()}, {@code entrySet()},
   * {@code values()}, ...) or through the map's {@code forEach}.
   */
  @Override
  public boolean mayReport(Outline outline) {
    return outline.calls(REMOVALS) && outline.callsOnMap(KEY_SOURCES);
  }

  private static final String[] REMOVALS = {"remove", "removeIf", "removeAll", "retainAll"};

  private static final String[] KEY_SOURCES =
      Stream.concat(MapKnowledge.VIEWS.stream(), Stream.of("forEach")).toArray(String[]::new);

  @Override
  public void check(ClassFacts facts, Consumer<Finding> sink) {
    for (Event<StatementTree> loop : facts.loops()) {
      Tree tree = loop.tree();
      Removals.Match match =
          tree instanceof EnhancedForLoopTree forEach
              ? Removals.forEachLoop(facts, forEach, loop.site())
              : tree instanceof WhileLoopTree whileLoop
                  ? Removals.iteratorWhile(facts, whileLoop, loop.site())
                  : tree instanceof ForLoopTree forLoop
                      ? Removals.iteratorFor(facts, forLoop, loop.site())
                      : null;
      report(facts, match, loop.site(), tree, sink);
    }
    for (Event<MethodInvocationTree> call : facts.calls()) {
      Removals.Match match = Removals.bulkCall(facts, call.tree(), call.site());
      Tree parent = call.site().path().getParentPath().getLeaf();
      Tree statement = parent instanceof ExpressionStatementTree ? parent : call.tree();
      report(facts, match, call.site(), statement, sink);
    }
  }

  private void report(
      ClassFacts facts, Removals.Match match, Site site, Tree reported, Consumer<Finding> sink) {
    if (match == null || !Guards.racy(facts, match.map(), site)) {
      return;
    }
    MapTarget map = match.map();
    String message =
        "Removing the entries of `"
            + map.name()
            + "` one at a time is not atomic: readers see a half-emptied map, entries added"
            + " meanwhile survive, and a value written between reading a key and removing it is"
            + " lost. "
            + Fixes.preferredFix(facts, match.shape(), map);
    String recipe =
        match.shape() == Shape.DRAIN_LOOP
            ? "Migrate `"
                + map.name()
                + "` to SnapshotMap and iterate over `"
                + map.name()
                + ".drain().entrySet()`; without it, swap in a fresh map through a volatile field"
                + " and process the old one."
            : "Replace the loop by `" + map.name() + ".clear()`.";
    FixPlan plan = Fixes.plan(facts, match.shape(), map, reported, match.related(), recipe);
    TreePath path = reported == site.path().getLeaf() ? site.path() : site.path().getParentPath();
    FixPlan.Position at = facts.position(reported);
    sink.accept(
        new Finding(
                name(), facts.fileName(), at.line(), at.column(), at.offset(), message, plan, path)
            .when(Guards.stillRacy(map, site)));
  }
}
