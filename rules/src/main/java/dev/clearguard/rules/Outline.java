package dev.clearguard.rules;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.clearguard.rules.facts.MapKnowledge;
import dev.clearguard.rules.facts.Program;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Name;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What a quick look at a class shows before any analysis: the names of the methods it calls,
 * whether it has {@code synchronized} blocks, whether it has map fields that can be reassigned.
 * Enough for a rule to tell that it has nothing to report, so that most classes of a large build
 * are never analysed (see {@link Rule#mayReport}).
 *
 * <p>It comes from one plain walk ({@link OutlineWalk}) over the class's trees that keeps no paths
 * and resolves nothing but the fields' types and the calls named in {@link #MAP_METHODS}, made the
 * first time a rule asks.
 */
public final class Outline {
  private final CompilationUnitTree unit;
  private final ClassTree topLevel;
  private final Trees trees;
  private final MapKnowledge knowledge;
  private final Program program;

  private Set<Name> calledNames;
  private Set<Name> calledOnMap;
  private boolean synchronizedStatement;
  private boolean mutableMapField;

  /** Why the walk failed, thrown again to every question: no answer comes from half a walk. */
  private RuntimeException failure;

  private Outline(
      CompilationUnitTree unit,
      ClassTree topLevel,
      Trees trees,
      Types types,
      Elements elements,
      Program program) {
    this.unit = unit;
    this.topLevel = topLevel;
    this.trees = trees;
    this.knowledge = program != null ? program.knowledge() : MapKnowledge.of(types, elements);
    this.program = program;
  }

  public static Outline of(
      CompilationUnitTree unit, ClassTree topLevel, Trees trees, Types types, Elements elements) {
    return new Outline(unit, topLevel, trees, types, elements, null);
  }

  /**
   * An outline whose walk also records, into {@code program}, every call the class makes of a
   * method outside the JDK, with the code it is made from: a method, set-up code, or code handed to
   * someone else (a lambda, an anonymous class). The compilation's call graph comes from the walk
   * every class gets anyway.
   */
  public static Outline of(
      CompilationUnitTree unit,
      ClassTree topLevel,
      Trees trees,
      Types types,
      Elements elements,
      Program program) {
    return new Outline(unit, topLevel, trees, types, elements, program);
  }

  /** Walks the class now, if no question has walked it yet: its calls reach the program. */
  public void record() {
    walk();
  }

  /**
   * Whether the class (nested classes, lambdas and anonymous classes included) calls a method with
   * one of these simple names, or takes a method reference to one ({@code map::remove}).
   */
  public boolean calls(String... methodNames) {
    walk();
    for (String methodName : methodNames) {
      if (calledNames.contains(knowledge.name(methodName))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The methods {@link #callsOnMap} can be asked about: the map views, {@code forEach} and {@code
   * clear}. The walk resolves calls to these names, and only these, to see whose method they call.
   */
  public static final Set<String> MAP_METHODS =
      Stream.concat(MapKnowledge.VIEWS.stream(), Stream.of("forEach", "clear"))
          .collect(Collectors.toUnmodifiableSet());

  /**
   * Whether the class calls, or takes a reference to, a method with one of these names that a
   * {@code java.util.Map} type declares: {@code values()} on a map, not on an enum. A call the
   * compiler could not resolve counts.
   *
   * @throws IllegalArgumentException for a name outside {@link #MAP_METHODS}
   */
  public boolean callsOnMap(String... methodNames) {
    walk();
    for (String methodName : methodNames) {
      if (!MAP_METHODS.contains(methodName)) {
        throw new IllegalArgumentException(
            "callsOnMap answers only for " + new TreeSet<>(MAP_METHODS) + ", not " + methodName);
      }
      if (calledOnMap.contains(knowledge.name(methodName))) {
        return true;
      }
    }
    return false;
  }

  /** Whether the class has a {@code synchronized (..) { }} statement anywhere. */
  public boolean hasSynchronizedStatement() {
    walk();
    return synchronizedStatement;
  }

  /**
   * Whether the class, or a class declared inside it (member, local or anonymous), declares a field
   * of a {@code java.util.Map} type that is not {@code final}: the only kind of map field that can
   * be reassigned.
   */
  public boolean declaresMutableMapField() {
    walk();
    return mutableMapField;
  }

  private void walk() {
    if (failure != null) {
      throw failure;
    }
    if (calledNames != null) {
      return;
    }
    OutlineWalk walk = new OutlineWalk(new TreePath(unit), trees, knowledge, program);
    try {
      walk.scan(topLevel, null);
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    }
    synchronizedStatement = walk.synchronizedStatement;
    mutableMapField = walk.mutableMapField;
    calledOnMap = walk.calledOnMap;
    calledNames = walk.called;
  }
}
