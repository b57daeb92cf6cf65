package dev.clearguard.rules;

import com.google.auto.service.AutoService;
import com.sun.source.tree.SynchronizedTree;
import dev.clearguard.rules.FixPlan.Shape;
import dev.clearguard.rules.facts.Access;
import dev.clearguard.rules.facts.ClassFacts;
import dev.clearguard.rules.facts.ClassFacts.Event;
import dev.clearguard.rules.facts.FieldFacts;
import dev.clearguard.rules.facts.Lock;
import dev.clearguard.rules.facts.MapTarget;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Flags {@code synchronized (f)} on a map field that is reassigned. */
@AutoService(Rule.class)
public final class SyncOnReassignedMap implements Rule {
  /** The one-line summary (the Error Prone check's {@code @BugPattern} copies it). */
  public static final String SUMMARY =
      "Lock on an object that never changes, not on a map field that is reassigned";

  /**
   * Error: threads that lock on the old map and threads that lock on the new one run the guarded
   * code at the same time.
   */
  @Override
  public Severity severity() {
    return Severity.ERROR;
  }

  @Override
  public String summary() {
    return SUMMARY;
  }

  @Override
  public Set<FixPlan.Strategy> fixes() {
    return Set.of(FixPlan.Strategy.SNAPSHOT_MAP);
  }

  /** The finding is a synchronized statement on a map field of the class that is not final. */
  @Override
  public boolean mayReport(Outline outline) {
    return outline.hasSynchronizedStatement() && outline.declaresMutableMapField();
  }

  @Override
  public void check(ClassFacts facts, Consumer<Finding> sink) {
    for (Event<SynchronizedTree> sync : facts.syncs()) {
      MapTarget map = facts.mapTarget(sync.tree().getExpression(), sync.site().path());
      FieldFacts field = map == null ? null : map.field();
      if (field == null || field.isFinal() || !field.isReassigned()) {
        continue;
      }
      if (sync.site().beforePublicationOf(field, MapTarget.OWN.equals(map.owner()))) {
        continue;
      }
      if (reassignedUnderSameOtherLock(field, sync.site().locks())) {
        // Every reassignment and this block share another lock: the monitor swap cannot race.
        continue;
      }
      String message =
          "`"
              + field.name()
              + "` is reassigned, so two threads can each hold \"the\" lock: one on the old map, one"
              + " on the new. "
              + Fixes.preferredFix(facts, Shape.SYNC_ON_REASSIGNED, map);
      String recipe =
          "Lock on a dedicated `private final Object lock = new Object()`, or make `"
              + field.name()
              + "` final and reset its contents instead of reassigning it.";
      FixPlan plan =
          Fixes.plan(facts, Shape.SYNC_ON_REASSIGNED, map, sync.tree(), List.of(), recipe);
      FixPlan.Position at = facts.position(sync.tree());
      sink.accept(
          new Finding(
                  name(),
                  facts.fileName(),
                  at.line(),
                  at.column(),
                  at.offset(),
                  message,
                  plan,
                  sync.site().path())
              .when(reassignedAfterPublication(field)));
    }
  }

  /** The program shows a reassignment that can run while the field is shared. */
  private static Finding.Condition reassignedAfterPublication(FieldFacts field) {
    List<Access> assignments =
        field.sharedAccesses().stream()
            .filter(a -> a.kind() == Access.Kind.ASSIGN && a.onThis())
            .toList();
    return program ->
        assignments.stream().anyMatch(a -> program.runsShared(a.site(), field, true, true));
  }

  private static boolean reassignedUnderSameOtherLock(FieldFacts field, List<Lock> heldAtSync) {
    for (Lock candidate : heldAtSync) {
      if (candidate.key().equals(field.element())) {
        continue;
      }
      boolean all = true;
      for (Access access : field.sharedAccesses()) {
        if (access.kind() == Access.Kind.ASSIGN
            && access.onThis()
            && !access.site().holds(candidate.key(), true)) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }
}
