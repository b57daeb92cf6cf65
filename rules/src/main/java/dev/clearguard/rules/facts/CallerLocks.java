package dev.clearguard.rules.facts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;

/**
 * The locks a method runs under because every caller in the compilation holds them, for {@link
 * Program}: a helper called only from {@code synchronized} methods runs under that lock too.
 */
final class CallerLocks {
  private final Program program;
  private final Map<ExecutableElement, Set<Object>> inheritedLocks = new HashMap<>();

  CallerLocks(Program program) {
    this.program = program;
  }

  /**
   * "One lock, no finding", across the compilation: whether one lock is held at every use in {@code
   * uses}, in a mode that excludes readers where the use writes, counting the locks every caller of
   * the use's method holds.
   */
  boolean underOneLock(List<Access> uses, boolean mutationsWrite) {
    if (uses.isEmpty()) {
      return false;
    }
    List<Set<Object>> inherited = new ArrayList<>(uses.size());
    for (Access use : uses) {
      ExecutableElement method = use.site().method();
      inherited.add(method == null ? Set.of() : locksAtEveryCall(method));
    }
    Set<Object> candidates = new HashSet<>(inherited.get(0));
    for (Lock lock : uses.get(0).site().locks()) {
      candidates.add(lock.key());
    }
    for (Object key : candidates) {
      boolean all = true;
      for (int i = 0; i < uses.size() && all; i++) {
        Access use = uses.get(i);
        boolean write =
            use.kind() == Access.Kind.ASSIGN
                || (mutationsWrite && use.kind() == Access.Kind.MUTATE);
        all = use.site().holds(key, write) || inherited.get(i).contains(key);
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  /**
   * The locks held at every call of {@code method} in the compilation, and inherited from its
   * callers when they are themselves only ever called under a lock: empty when it has no call, or
   * when it is an entry point of its own.
   */
  Set<Object> locksAtEveryCall(ExecutableElement method) {
    return locksAtEveryCall(method, new HashSet<>());
  }

  private Set<Object> locksAtEveryCall(ExecutableElement method, Set<ExecutableElement> visiting) {
    Set<Object> known = inheritedLocks.get(method);
    if (known != null) {
      return known;
    }
    if (!visiting.add(method)) {
      return null; // a cycle: the meet's identity
    }
    Set<Object> result = null;
    List<Program.Call> calls = program.callsOf(method);
    if (calls.isEmpty()
        || ThreadKnowledge.isRuntimeRoot(method, program.knowledge())
        || ThreadKnowledge.isTestOnly(method)) {
      result = Set.of();
    } else {
      for (Program.Call call : calls) {
        Set<Object> held = new HashSet<>(call.locks());
        if ((call.kind() == Program.CallKind.INLINE
                || call.kind() == Program.CallKind.ON_FACTORY_RESULT)
            && call.caller() != null) {
          Set<Object> above = locksAtEveryCall(call.caller(), visiting);
          if (above == null) {
            continue;
          }
          held.addAll(above);
        }
        if (result == null) {
          result = held;
        } else {
          result.retainAll(held);
        }
        if (result.isEmpty()) {
          break;
        }
      }
      if (result == null) {
        result = Set.of();
      }
    }
    visiting.remove(method);
    if (visiting.isEmpty()) {
      inheritedLocks.put(method, result);
    }
    return result;
  }
}
