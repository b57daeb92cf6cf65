package dev.clearguard.rules.facts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.lang.model.element.Element;

/**
 * The two passes over {@link ClassFacts} after the scan, which rewrite the sites the scanner
 * recorded with what only the whole class shows: which half of a read-write lock a lock field is,
 * and what every caller of a private method holds. They run in {@link ClassFacts#of}, before the
 * facts are handed to any rule; afterwards nothing changes them.
 */
final class SiteRewrites {
  /** The rounds {@link #inheritCallerContext} takes at most. */
  private static final int MAX_ROUNDS = 16;

  private SiteRewrites() {}

  /**
   * A lock field assigned {@code rw.readLock()} in a constructor was recorded as a lock of its own
   * wherever it was taken before the scanner reached the constructor: make it the half of {@code
   * rw} it is, everywhere.
   */
  static void resolveLockHalves(ClassFacts facts) {
    Map<Element, Lock> lockHalves = facts.lockHalves;
    if (lockHalves.isEmpty()) {
      return;
    }
    UnaryOperator<Site> remap =
        site -> {
          List<Lock> locks = new ArrayList<>();
          boolean changed = false;
          for (Lock lock : site.locks()) {
            Lock half = lock.mode() == Lock.Mode.EXCLUSIVE ? lockHalves.get(lock.key()) : null;
            locks.add(half != null ? half : lock);
            changed |= half != null;
          }
          return changed ? new Site(site.path(), site.publishing(), locks, site.method()) : site;
        };
    rewriteSites(facts, remap);
    facts.callSites.replaceAll((method, sites) -> sites.stream().map(remap).toList());
  }

  private static void rewriteSites(ClassFacts facts, UnaryOperator<Site> rewrite) {
    for (FieldFacts field : facts.fields.values()) {
      field.adjustSites(rewrite);
    }
    facts.calls.replaceAll(e -> new ClassFacts.Event<>(e.tree(), rewrite.apply(e.site())));
    facts.loops.replaceAll(e -> new ClassFacts.Event<>(e.tree(), rewrite.apply(e.site())));
    facts.syncs.replaceAll(e -> new ClassFacts.Event<>(e.tree(), rewrite.apply(e.site())));
  }

  /**
   * What every caller of a private method holds when it calls, and what all of them are setting up:
   * the method's body holds and sets up the same. {@code locks == null} is "not known yet", the
   * identity of {@link #meet}.
   */
  private record Context(Publishing publishing, Set<Lock> locks) {
    static final Context ANY = new Context(null, null);

    boolean isAny() {
      return locks == null;
    }

    Context meet(Publishing otherPublishing, Set<Lock> held) {
      if (isAny()) {
        return new Context(otherPublishing, held);
      }
      Set<Lock> common = new HashSet<>(locks);
      common.retainAll(held);
      return new Context(Objects.equals(publishing, otherPublishing) ? publishing : null, common);
    }
  }

  /**
   * A private method called only under a lock, or only from constructors, runs under that lock or
   * before publication too: {@code synchronized void reload() { doReload(); }}. Computes, for every
   * private method whose every call this class shows, what all its callers hold (a greatest fixed
   * point, so helpers of helpers inherit as well), then adds it to every site in those methods.
   */
  static void inheritCallerContext(ClassFacts facts) {
    Map<Element, Context> inherited = new HashMap<>();
    Map<Element, List<Site>> callSites = facts.callSites;
    for (Element method : facts.privateMethods) {
      if (!facts.escapedMethods.contains(method) && callSites.containsKey(method)) {
        inherited.put(method, Context.ANY);
      }
    }
    if (inherited.isEmpty()) {
      return;
    }
    // Each round can only shrink a context (the meet drops locks and set-up) and carries what the
    // callers hold at least one call deeper, so a chain of helpers settles in about as many rounds
    // as it is deep. The bound caps the work on a pathological class: a deeper chain stops where
    // it is, which can only credit a helper with more locks or set-up than all its callers share,
    // that is, err towards silence.
    for (int round = 0; round < MAX_ROUNDS; round++) {
      boolean changed = false;
      for (Map.Entry<Element, Context> entry : inherited.entrySet()) {
        Context context = Context.ANY;
        for (Site call : callSites.get(entry.getKey())) {
          Context caller = call.method() == null ? null : inherited.get(call.method());
          if (caller != null && caller.isAny()) {
            continue; // nothing known about that caller yet: the meet's identity
          }
          Publishing publishing =
              call.publishing() != null
                  ? call.publishing()
                  : caller == null ? null : caller.publishing();
          Set<Lock> held = new HashSet<>(call.locks());
          if (caller != null) {
            held.addAll(caller.locks());
          }
          context = context.meet(publishing, held);
        }
        if (!context.equals(entry.getValue())) {
          entry.setValue(context); // later methods of this round already see it
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
    UnaryOperator<Site> adjust =
        site -> {
          Context context = site.method() == null ? null : inherited.get(site.method());
          if (context == null || context.isAny()) {
            return site;
          }
          List<Lock> locks = new ArrayList<>(site.locks());
          context.locks().stream().filter(l -> !locks.contains(l)).forEach(locks::add);
          return new Site(
              site.path(),
              site.publishing() != null ? site.publishing() : context.publishing(),
              locks,
              site.method());
        };
    rewriteSites(facts, adjust);
  }
}
