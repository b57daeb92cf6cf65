package dev.clearguard.rules.facts;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What the whole compilation says about when each of its methods runs: who calls it, from where,
 * and under which locks. One instance per compilation (or per file, where a front end sees only
 * one); every class's {@link dev.clearguard.rules.Outline} walk adds the calls it makes, and the
 * rules' {@linkplain dev.clearguard.rules.Finding#condition() conditions} ask it their questions
 * once every class has been walked.
 *
 * <p>Both javac (through the plugin) and {@code clearguard:check} compile a whole module at once,
 * so a method's callers in that module are all known: {@code init()} called only from a static
 * initialiser runs before the class is shared; a helper called only from {@code synchronized}
 * methods runs under that lock. Callers outside the module are not known. A public method nothing
 * in the module calls is an entry point of unknown timing ({@link Reach#ENTRY}); one that is a
 * property setter, overrides a library's method (the library calls it, at a time the compilation
 * does not show) or is private is a quiet one ({@link Reach#QUIET}).
 *
 * <p>Answers are computed on demand, over the part of the graph the question needs, and cached;
 * calls can no longer be added once a question was asked.
 */
public final class Program {
  /** Where the code that reaches a method comes from. */
  public enum Reach {
    /**
     * Code that sets up a class, or the program, before other threads use it: static initialisers,
     * {@code main}, test fixtures. It sets up instances created there too.
     */
    START_UP,
    /**
     * Code that sets up one object before it is shared: its constructors, instance initialisers,
     * {@code @PostConstruct}, {@code readObject}, and calls on an object the calling code has just
     * created. It does not set up static fields.
     */
    OBJECT_SET_UP,
    /**
     * Code that runs while other threads run: handed to another thread, scheduled, serving
     * requests, or called from such code.
     */
    RUNTIME,
    /** A method nothing in the compilation calls: called from outside, at any time. */
    ENTRY,
    /**
     * An entry point whose timing nothing shows: a setter nothing calls (a binder or decoder fills
     * it), an override of a library method nothing here calls (the framework calls it), a
     * non-public method nothing calls, or code marked as test-only.
     */
    QUIET,
    /** Code marked as test-only, and what only it reaches: not production code, never reported. */
    TEST_ONLY
  }

  /** How a call site relates to its caller's reach. */
  public enum CallKind {
    /** Runs when its enclosing method runs: the callee inherits the caller's reach. */
    INLINE,
    /** Runs in a static initialiser or a static field's initialiser. */
    START_UP,
    /**
     * Runs in an instance initialiser or field initialiser, or on an object the calling code has
     * just created and not yet shared.
     */
    OBJECT_SET_UP,
    /** Runs whenever the code it sits in is run by someone else: a lambda, an anonymous class. */
    DETACHED,
    /**
     * Runs on the object a method of the compilation returned ({@code s = createServer();
     * s.setOptions(..)}): on a fresh object, as {@link #OBJECT_SET_UP}, when every return of that
     * method returns a new object; otherwise as {@link #INLINE}.
     */
    ON_FACTORY_RESULT
  }

  /**
   * One call of a method. {@code caller} is null for set-up or detached code outside a method;
   * {@code exact}: a {@code super.m()} call, which runs the named method and none of its overrides.
   */
  record Call(
      ExecutableElement caller,
      CallKind kind,
      List<Object> locks,
      ExecutableElement factory,
      TypeElement self,
      boolean exact) {}

  private final Types types;
  private final MapKnowledge knowledge;
  private final Overrides overrides;
  private final CallerLocks callerLocks;
  private final ReachAnalysis reaches;

  private final Map<ExecutableElement, List<Call>> callers = new HashMap<>();
  private final Map<Element, Boolean> recorded = new HashMap<>();

  public Program(Types types, Elements elements) {
    this.types = types;
    this.knowledge = MapKnowledge.of(types, elements);
    this.overrides = new Overrides(types, elements);
    this.callerLocks = new CallerLocks(this);
    this.reaches = new ReachAnalysis(this, overrides);
  }

  /**
   * Whether calls of this method are worth recording: the JDK's own methods are never analysed and
   * make up most calls, so they are left out.
   */
  public boolean records(ExecutableElement callee) {
    Element owner = callee.getEnclosingElement();
    if (owner == null) {
      return false;
    }
    if (owner == lastOwner) {
      return lastRecorded; // calls come in runs on one class: a builder's, a logger's
    }
    Boolean known = recorded.get(owner);
    if (known == null) {
      Element e = owner;
      while (e != null && !(e instanceof PackageElement)) {
        e = e.getEnclosingElement();
      }
      known = !(e instanceof PackageElement pkg) || recordedPackage(pkg);
      recorded.put(owner, known);
    }
    lastOwner = owner;
    lastRecorded = known;
    return known;
  }

  private Element lastOwner;

  private boolean lastRecorded;

  /** The same answer for every class of a package, worked out once per package. */
  private boolean recordedPackage(PackageElement pkg) {
    Boolean known = recorded.get(pkg);
    if (known == null) {
      String name = pkg.getQualifiedName().toString();
      known =
          !(name.startsWith("java.")
              || name.startsWith("javax.")
              || name.startsWith("jdk.")
              || name.startsWith("sun.")
              || name.startsWith("com.sun."));
      recorded.put(pkg, known);
    }
    return known;
  }

  /** What the compilation knows about map types, shared by every class's outline. */
  public MapKnowledge knowledge() {
    return knowledge;
  }

  /** Records one call of {@code callee}. */
  public void addCall(
      ExecutableElement callee, ExecutableElement caller, CallKind kind, List<Object> locks) {
    addCall(callee, caller, kind, List.copyOf(locks), null, null, false);
  }

  /**
   * Records one call of {@code callee}, made holding {@code locks} (an unmodifiable list, kept as
   * it is); {@code factory} is the method whose result it is called on, for {@link
   * CallKind#ON_FACTORY_RESULT}; {@code self}: for a call on the running object ({@code reload()},
   * {@code this.reload()}), the class whose code makes it, else null; {@code exact}: a {@code
   * super.m()} call.
   */
  public void addCall(
      ExecutableElement callee,
      ExecutableElement caller,
      CallKind kind,
      List<Object> locks,
      ExecutableElement factory,
      TypeElement self,
      boolean exact) {
    if (!records(callee)) {
      return;
    }
    int last = calleeOfCall.size() - 1;
    if (last >= 0 && calleeOfCall.get(last) == callee) {
      // A method calls the same method again and again (a logger, a check): one call says it all.
      Call previous = calls.get(last);
      if (previous.caller() == caller
          && previous.kind() == kind
          && previous.factory() == factory
          && previous.self() == self
          && previous.exact() == exact
          && previous.locks().equals(locks)) {
        return;
      }
    }
    calleeOfCall.add(callee);
    calls.add(new Call(caller, kind, locks, factory, self, exact));
  }

  /**
   * Every recorded call, in the order the walks made them: appended while javac compiles, and
   * indexed by callee only when a question is asked, which most compilations never do.
   */
  private final List<ExecutableElement> calleeOfCall = new ArrayList<>();

  private final List<Call> calls = new ArrayList<>();

  private Map<ExecutableElement, List<Call>> callersByCallee() {
    if (calleeOfCall.size() > indexed) {
      for (int i = indexed; i < calleeOfCall.size(); i++) {
        callers.computeIfAbsent(calleeOfCall.get(i), k -> new ArrayList<>(2)).add(calls.get(i));
      }
      indexed = calleeOfCall.size();
    }
    return callers;
  }

  private int indexed;

  /** Notes a method every return of which returns an object it has just created. */
  public void addFactory(ExecutableElement method) {
    factories.add(method);
  }

  private final Set<ExecutableElement> factories = new HashSet<>();

  /** Whether {@code method} was noted as a factory ({@link #addFactory}). */
  boolean isFactory(ExecutableElement method) {
    return factories.contains(method);
  }

  /**
   * Where the code running {@code method} can come from: the union, over every way the compilation
   * reaches it, of the kinds of code at the start of that way.
   */
  public Set<Reach> reachOf(ExecutableElement method) {
    return reaches.reachOf(method);
  }

  /**
   * Every call of {@code m}, including calls of the methods it overrides when few methods of the
   * compilation override them (see {@link Overrides#MAX_OVERRIDERS}).
   */
  List<Call> callsOf(ExecutableElement m) {
    Map<ExecutableElement, List<Call>> callers = callersByCallee();
    List<Call> direct = callers.getOrDefault(m, List.of());
    List<ExecutableElement> overridden = overrides.overridden(m);
    if (overridden.isEmpty()) {
      return direct;
    }
    List<Call> all = new ArrayList<>(direct);
    for (ExecutableElement o : overridden) {
      List<Call> through = callers.getOrDefault(o, List.of());
      if (through.isEmpty()) {
        continue;
      }
      boolean few = overrides.overriders(o) <= Overrides.MAX_OVERRIDERS;
      for (Call call : through) {
        if (call.exact()) {
          continue; // super.m() runs o itself, whatever object it runs on
        }
        // A call on the caller's own object (a template method) runs this override whenever the
        // caller runs on an instance of this method's class: that holds however many override it.
        if (few || overrides.inCallersObject(m, o, call.self())) {
          all.add(call);
        }
      }
    }
    return all;
  }

  /** Notes a method the compilation declares. */
  public void addDeclared(ExecutableElement method) {
    overrides.addDeclared(method);
  }

  /**
   * A property setter that nothing in the compilation calls, which is why it is {@link
   * Reach#QUIET}: something sets it by reflection while it builds the object.
   */
  public boolean isUncalledSetter(ExecutableElement m) {
    return m != null
        && isSetter(m)
        && !m.getModifiers().contains(Modifier.PRIVATE)
        && overrides.overridden(m).isEmpty()
        && !ThreadKnowledge.isTestOnly(m)
        && ThreadKnowledge.setUpKind(m) == null
        && !ThreadKnowledge.isRuntimeRoot(m, knowledge)
        && !ThreadKnowledge.servesRequests(m)
        && callsOf(m).isEmpty();
  }

  /** {@code void setX(value)}: a JavaBean property setter. */
  public static boolean isSetter(ExecutableElement m) {
    return ThreadKnowledge.isSetter(m);
  }

  /**
   * Where the code at {@code site}, which uses {@code field} ({@code onThis}: its own object's),
   * can come from. Set-up code sets up only its own object's fields: a constructor of one class
   * writing another's field, or another object's, is ordinary code as far as that field goes.
   */
  public Set<Reach> reachOf(Site site, FieldFacts field, boolean onThis) {
    Publishing publishing = site.publishing();
    ExecutableElement method = site.method();
    if (publishing != null && (field == null || publishing.covers(field, onThis))) {
      return EnumSet.of(
          publishing.isStatic() || publishing.fixture() ? Reach.START_UP : Reach.OBJECT_SET_UP);
    }
    // Set-up of something else (another class, or a class's set-up calling an instance's helper):
    // what reaches the method decides.
    if (method == null) {
      return EnumSet.of(Reach.RUNTIME); // a lambda or a class's code run by whoever holds it
    }
    Set<Reach> reached = reachOf(method);
    if (field != null
        && reached.contains(Reach.OBJECT_SET_UP)
        && !field.isStatic()
        && !(onThis && setsUp(method, field))) {
      EnumSet<Reach> other = EnumSet.copyOf(reached);
      other.remove(Reach.OBJECT_SET_UP);
      other.add(Reach.RUNTIME);
      return other;
    }
    return reached;
  }

  /** Whether {@code method}'s object holds {@code field}: it is the field's class or a subclass. */
  private boolean setsUp(ExecutableElement method, FieldFacts field) {
    return method.getEnclosingElement() instanceof TypeElement type
        && types.isSubtype(types.erasure(type.asType()), types.erasure(field.owner().asType()));
  }

  /**
   * Whether code with this reach can run while a field is shared: when it is reached from code that
   * runs while other threads run, or from outside the compilation. Object set-up does not set up
   * static fields; {@code quietIsSetUp} says whether a quiet entry point counts as set-up (the
   * reassignment rules, which need evidence of a run-time writer) or not (the clearing rules, whose
   * concurrent map is evidence enough).
   */
  public static boolean runsShared(Set<Reach> reach, boolean staticField, boolean quietIsSetUp) {
    for (Reach r : reach) {
      boolean shared =
          switch (r) {
            case RUNTIME, ENTRY -> true;
            case OBJECT_SET_UP -> staticField;
            case QUIET -> !quietIsSetUp;
            case START_UP, TEST_ONLY -> false;
          };
      if (shared) {
        return true;
      }
    }
    return false;
  }

  /** Whether the use of {@code field} at {@code site} can run while the field is shared. */
  public boolean runsShared(Site site, FieldFacts field, boolean onThis, boolean quietIsSetUp) {
    return runsShared(
        reachOf(site, field, onThis), field != null && field.isStatic(), quietIsSetUp);
  }

  /**
   * "One lock, no finding", across the compilation: whether one lock is held at every use in {@code
   * uses}, in a mode that excludes readers where the use writes, counting the locks every caller of
   * the use's method holds.
   */
  public boolean underOneLock(List<Access> uses, boolean mutationsWrite) {
    return callerLocks.underOneLock(uses, mutationsWrite);
  }

  /**
   * The locks held at every call of {@code method} in the compilation, and inherited from its
   * callers when they are themselves only ever called under a lock: empty when it has no call, or
   * when it is an entry point of its own.
   */
  public Set<Object> locksAtEveryCall(ExecutableElement method) {
    return callerLocks.locksAtEveryCall(method);
  }

  /** The number of methods with recorded calls, for tests and diagnostics. */
  public int calledMethods() {
    return callersByCallee().size();
  }
}
