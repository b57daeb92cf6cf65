package dev.clearguard.rules.facts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Which methods override which, for {@link Program}'s call graph: a call of a method counts as a
 * call of its overrides when few methods of the compilation override it, or when it is made on the
 * running object.
 */
final class Overrides {
  private final Types types;
  private final Elements elements;

  Overrides(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  /**
   * Whether {@code m}, an override of {@code o}, can be what a call of {@code o} on the running
   * object ({@code self}: the class whose code makes the call) runs: its class is that object's
   * class or a subclass of it (not another implementation of the same interface).
   */
  boolean inCallersObject(ExecutableElement m, ExecutableElement o, TypeElement self) {
    if (self == null
        || !(o.getEnclosingElement() instanceof TypeElement owner)
        || !(m.getEnclosingElement() instanceof TypeElement type)) {
      return false;
    }
    // The object is the innermost class around the call that has the method (an unqualified
    // call in an inner or anonymous class runs on the outer object when only the outer has it).
    TypeMirror ownerType = types.erasure(owner.asType());
    for (Element e = self; e != null; e = e.getEnclosingElement()) {
      if (e instanceof TypeElement t && types.isSubtype(types.erasure(t.asType()), ownerType)) {
        return types.isSubtype(types.erasure(type.asType()), types.erasure(t.asType()));
      }
      if (e instanceof PackageElement) {
        break;
      }
    }
    return false;
  }

  /**
   * How many of the compilation's methods may override one method for a call of it to count as a
   * call of each. A call through an interface or a base class that many classes implement ({@code
   * service.start()}, {@code command.visit(v)}, a template method like {@code doStart()}) could run
   * any of them, from wherever any caller sits: counting it for all of them makes every method of a
   * large, polymorphic code base look reached from everywhere, which says nothing. Such a method is
   * treated like an override nothing calls: a framework calls it, at a time nothing shows.
   */
  // Measured on the corpus (corpus/README.md): 1 lost three reviewed true positives; 3 and 8 kept
  // every one and silenced the same false one. 8 is the larger of the two.
  static final int MAX_OVERRIDERS = 8;

  /**
   * Methods declared in the compilation, appended as the walks meet them and indexed by simple name
   * only when an override count is asked for, which compilations without findings never do.
   */
  private final List<ExecutableElement> declared = new ArrayList<>();

  private final Map<Name, List<ExecutableElement>> declaredByName = new HashMap<>();

  private int declaredIndexed;

  private final Map<ExecutableElement, Integer> overriderCount = new HashMap<>();

  /** Notes a method the compilation declares. */
  void addDeclared(ExecutableElement method) {
    declared.add(method);
  }

  /** How many methods declared in the compilation override {@code o}. */
  int overriders(ExecutableElement o) {
    Integer known = overriderCount.get(o);
    if (known != null) {
      return known;
    }
    for (; declaredIndexed < declared.size(); declaredIndexed++) {
      ExecutableElement m = declared.get(declaredIndexed);
      if (m.getKind() == ElementKind.METHOD
          && !m.getModifiers().contains(Modifier.STATIC)
          && !m.getModifiers().contains(Modifier.PRIVATE)) {
        declaredByName.computeIfAbsent(m.getSimpleName(), k -> new ArrayList<>(1)).add(m);
      }
    }
    int count = 0;
    for (ExecutableElement m : declaredByName.getOrDefault(o.getSimpleName(), List.of())) {
      if (m != o && overridden(m).contains(o)) {
        count++;
      }
    }
    overriderCount.put(o, count);
    return count;
  }

  private final Map<ExecutableElement, List<ExecutableElement>> overriddenCache = new HashMap<>();

  /** The methods of supertypes that {@code m} overrides. */
  List<ExecutableElement> overridden(ExecutableElement m) {
    List<ExecutableElement> cached = overriddenCache.get(m);
    if (cached != null) {
      return cached;
    }
    List<ExecutableElement> out = new ArrayList<>();
    if (m.getKind() == ElementKind.METHOD
        && !m.getModifiers().contains(Modifier.STATIC)
        && !m.getModifiers().contains(Modifier.PRIVATE)
        && m.getEnclosingElement() instanceof TypeElement owner) {
      Set<TypeElement> seen = new HashSet<>();
      Deque<TypeMirror> supers = new ArrayDeque<>(types.directSupertypes(owner.asType()));
      while (!supers.isEmpty()) {
        TypeMirror s = supers.pop();
        if (!(s instanceof DeclaredType declared)
            || !(declared.asElement() instanceof TypeElement type)
            || !seen.add(type)) {
          continue;
        }
        for (ExecutableElement candidate : ElementFilter.methodsIn(type.getEnclosedElements())) {
          if (candidate.getSimpleName().equals(m.getSimpleName())
              && elements.overrides(m, candidate, owner)) {
            out.add(candidate);
          }
        }
        supers.addAll(types.directSupertypes(s));
      }
    }
    overriddenCache.put(m, out);
    return out;
  }
}
