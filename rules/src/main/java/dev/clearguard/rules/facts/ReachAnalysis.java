package dev.clearguard.rules.facts;

import dev.clearguard.rules.facts.Program.Call;
import dev.clearguard.rules.facts.Program.CallKind;
import dev.clearguard.rules.facts.Program.Reach;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * Where the code running each method can come from ({@link Program#reachOf(ExecutableElement)}),
 * worked out on demand over the part of the call graph a question needs, and cached.
 */
final class ReachAnalysis {
  private final Program program;
  private final Overrides overrides;
  private final Map<ExecutableElement, EnumSet<Reach>> reach = new HashMap<>();

  ReachAnalysis(Program program, Overrides overrides) {
    this.program = program;
    this.overrides = overrides;
  }

  /**
   * Where the code running {@code method} can come from: the union, over every way the compilation
   * reaches it, of the kinds of code at the start of that way.
   */
  Set<Reach> reachOf(ExecutableElement method) {
    EnumSet<Reach> known = reach.get(method);
    if (known != null) {
      return known;
    }
    // The methods whose reach this one's depends on: its callers, theirs, and so on.
    Set<ExecutableElement> needed = new HashSet<>();
    Deque<ExecutableElement> work = new ArrayDeque<>();
    work.push(method);
    while (!work.isEmpty()) {
      ExecutableElement m = work.pop();
      if (reach.containsKey(m) || !needed.add(m)) {
        continue;
      }
      if (cutsCallers(m)) {
        continue;
      }
      for (Call call : program.callsOf(m)) {
        if ((call.kind() == CallKind.INLINE || call.kind() == CallKind.ON_FACTORY_RESULT)
            && call.caller() != null) {
          work.push(call.caller());
        }
      }
    }
    Map<ExecutableElement, EnumSet<Reach>> partial = new HashMap<>();
    for (ExecutableElement m : needed) {
      partial.put(m, roots(m));
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (ExecutableElement m : needed) {
        if (cutsCallers(m)) {
          continue;
        }
        EnumSet<Reach> set = partial.get(m);
        for (Call call : program.callsOf(m)) {
          Set<Reach> from =
              switch (call.kind()) {
                case START_UP -> EnumSet.of(Reach.START_UP);
                case OBJECT_SET_UP -> EnumSet.of(Reach.OBJECT_SET_UP);
                case DETACHED -> EnumSet.of(Reach.RUNTIME);
                case ON_FACTORY_RESULT ->
                    program.isFactory(call.factory())
                        ? EnumSet.of(Reach.OBJECT_SET_UP)
                        : reachOfCaller(call, partial);
                case INLINE -> reachOfCaller(call, partial);
              };
          if (from != null && !set.containsAll(from)) {
            set.addAll(from);
            changed = true;
          }
        }
        if (!set.contains(Reach.RUNTIME)
            && (set.contains(Reach.QUIET) || set.contains(Reach.ENTRY))
            && ThreadKnowledge.servesRequests(m)) {
          set.add(Reach.RUNTIME); // reached from outside at a time nothing shows: a request
          changed = true;
        }
      }
    }
    for (ExecutableElement m : needed) {
      EnumSet<Reach> set = partial.get(m);
      if (set.isEmpty()) {
        set.add(entryKind(m)); // called only from methods nothing reaches: a cycle of its own
      }
      reach.put(m, set);
    }
    return reach.get(method);
  }

  private Set<Reach> reachOfCaller(Call call, Map<ExecutableElement, EnumSet<Reach>> partial) {
    if (call.caller() == null) {
      return EnumSet.of(Reach.RUNTIME);
    }
    return partial.containsKey(call.caller())
        ? partial.get(call.caller())
        : reach.get(call.caller());
  }

  /** Test-only code is its own world: what calls it does not matter. */
  private boolean cutsCallers(ExecutableElement m) {
    return ThreadKnowledge.isTestOnly(m);
  }

  /** The reach a method has by what it is, before its callers are counted. */
  private EnumSet<Reach> roots(ExecutableElement m) {
    EnumSet<Reach> set = EnumSet.noneOf(Reach.class);
    if (ThreadKnowledge.isTestOnly(m)) {
      set.add(Reach.TEST_ONLY);
      return set;
    }
    Reach setUp = ThreadKnowledge.setUpKind(m);
    if (setUp != null) {
      set.add(setUp);
    }
    if (ThreadKnowledge.isRuntimeRoot(m, program.knowledge())) {
      set.add(Reach.RUNTIME);
    }
    if (set.isEmpty() && program.callsOf(m).isEmpty()) {
      set.add(entryKind(m));
    }
    return set;
  }

  /** What an uncalled method is: a public entry point, or a quiet one. */
  private Reach entryKind(ExecutableElement m) {
    if (m.getModifiers().contains(Modifier.PRIVATE)) {
      return Reach.QUIET; // dead code, or called reflectively
    }
    if (ThreadKnowledge.servesRequests(m)) {
      return Reach.RUNTIME;
    }
    if (!overrides.overridden(m).isEmpty()) {
      // It implements a method nothing in the compilation calls either, not even through the
      // supertype: a library, a framework or another module calls it, at a time nothing shows.
      return Reach.QUIET;
    }
    if (ThreadKnowledge.isSetter(m)) {
      // A property nothing in the compilation sets is set by reflection: a container binding a
      // bean, a configuration or URI binder, a deserialiser. They set it while they build the
      // object, and nothing shows when else.
      return Reach.QUIET;
    }
    return Reach.ENTRY;
  }
}
