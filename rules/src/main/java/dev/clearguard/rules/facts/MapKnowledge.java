package dev.clearguard.rules.facts;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import java.util.Set;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Everything ClearGuard knows about map types and the methods called on them, in one place: which
 * types are concurrent, which lock themselves, which calls copy a collection, which calls write.
 */
public final class MapKnowledge {
  /** Views whose removals write through to the map. */
  public static final Set<String> VIEWS =
      Set.of("keySet", "entrySet", "values", "navigableKeySet", "descendingKeySet", "keys");

  /** Calls on a view ({@link #VIEWS}) that remove from the map behind it. */
  public static final Set<String> VIEW_REMOVALS =
      Set.of("remove", "removeIf", "removeAll", "retainAll", "clear");

  /**
   * Library methods that call their function argument before they return: code in a lambda passed
   * to them runs as part of the calling code, under its locks.
   */
  public static final Set<String> SYNCHRONOUS_CALLBACKS =
      Set.of(
          "forEach",
          "forEachOrdered",
          "removeIf",
          "replaceAll",
          "compute",
          "computeIfAbsent",
          "computeIfPresent",
          "merge",
          "map",
          "filter",
          "flatMap",
          "peek",
          "anyMatch",
          "allMatch",
          "noneMatch",
          "collect",
          "reduce",
          "sort",
          "ifPresent",
          "orElseGet");

  /** Calls that add or replace entries: what refills a map. */
  public static final Set<String> PUTS =
      Set.of("put", "putIfAbsent", "merge", "compute", "computeIfAbsent", "computeIfPresent");

  /** Calls that change a map's contents; every other call on a map reads it. */
  public static final Set<String> MUTATORS =
      Set.of(
          "put",
          "putAll",
          "putIfAbsent",
          "merge",
          "compute",
          "computeIfAbsent",
          "computeIfPresent",
          "remove",
          "replace",
          "replaceAll",
          "clear");

  /** Static factories that copy a collection argument into a new, unshared one. */
  private static final Set<String> COPY_FACTORIES =
      Set.of(
          "copyOf",
          "newArrayList",
          "newHashSet",
          "newLinkedList",
          "newLinkedHashSet",
          "list" /* Collections.list(table.keys()) */);

  /** Stream steps that neither filter nor reorder-away elements: a stream of all of them. */
  private static final Set<String> PASS_THROUGH_STREAM_STEPS =
      Set.of("stream", "sequential", "parallel", "unordered", "parallelStream");

  private static final Set<String> SYNCHRONIZED_WRAPPERS =
      Set.of("synchronizedMap", "synchronizedSortedMap", "synchronizedNavigableMap");

  private final Types types;
  private final Elements elements;
  private final TypeMirror map;
  private final TypeMirror concurrentMap;
  private final TypeMirror hashtable;
  private final TypeMirror lock;
  private final TypeMirror thread;
  private final TypeMirror executor;
  private final TypeMirror runnable;
  private final TypeMirror callable;

  /**
   * One instance per compilation: the type look-ups are the same for every class, and javac's
   * {@code Elements} is one per compilation, so it is the key. Both the key and the value are held
   * weakly: an instance refers to its compilation's {@code Elements}, and a strongly held value
   * would keep every finished compilation alive in a JVM that runs many (the Maven plugin, an IDE).
   * A collected instance is simply built again.
   */
  private static final java.util.Map<Elements, java.lang.ref.WeakReference<MapKnowledge>>
      PER_COMPILATION = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  public static MapKnowledge of(Types types, Elements elements) {
    java.lang.ref.WeakReference<MapKnowledge> ref = PER_COMPILATION.get(elements);
    MapKnowledge known = ref == null ? null : ref.get();
    if (known == null || known.types != types) {
      known = new MapKnowledge(types, elements);
      PER_COMPILATION.put(elements, new java.lang.ref.WeakReference<>(known));
    }
    return known;
  }

  private final boolean snapshotMapAvailable;

  /** Whether {@code dev.clearguard.runtime.SnapshotMap} is on the compilation's class path. */
  public boolean snapshotMapAvailable() {
    return snapshotMapAvailable;
  }

  private MapKnowledge(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
    this.map = erasedType(elements, "java.util.Map");
    this.concurrentMap = erasedType(elements, "java.util.concurrent.ConcurrentMap");
    this.hashtable = erasedType(elements, "java.util.Hashtable");
    this.lock = erasedType(elements, "java.util.concurrent.locks.Lock");
    this.thread = erasedType(elements, "java.lang.Thread");
    this.executor = erasedType(elements, "java.util.concurrent.Executor");
    this.runnable = erasedType(elements, "java.lang.Runnable");
    this.callable = erasedType(elements, "java.util.concurrent.Callable");
    this.snapshotMapAvailable = elements.getTypeElement(ClassFacts.SNAPSHOT_MAP) != null;
  }

  private TypeMirror erasedType(Elements elements, String name) {
    TypeElement element = elements.getTypeElement(name);
    return element == null ? null : types.erasure(element.asType());
  }

  private boolean isSubtype(TypeMirror type, TypeMirror of) {
    if (type == null || of == null || type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    return types.isSubtype(types.erasure(type), of);
  }

  public boolean isMap(TypeMirror type) {
    return isSubtype(type, map);
  }

  /** A type whose every single operation is thread-safe: ConcurrentMap or Hashtable. */
  public boolean isConcurrentType(TypeMirror type) {
    return isSubtype(type, concurrentMap) || isSubtype(type, hashtable);
  }

  /**
   * A map type built for concurrent use: a {@code ConcurrentMap}. Unlike {@link #isConcurrentType},
   * not a {@code Hashtable} or {@code Properties}: those are everywhere in single-threaded code
   * (configuration, builders), so they say nothing about sharing on their own.
   */
  public boolean isConcurrentMap(TypeMirror type) {
    return isSubtype(type, concurrentMap);
  }

  /** A {@code Runnable} (a {@code Thread}, a {@code TimerTask}): made to run on another thread. */
  public boolean isRunnable(TypeMirror type) {
    return isSubtype(type, runnable);
  }

  /** A {@code Callable}: a task that returns a result. */
  public boolean isCallable(TypeMirror type) {
    return isSubtype(type, callable);
  }

  /** A {@code Runnable} or a {@code Callable}: a task. */
  public boolean isTask(TypeMirror type) {
    return isSubtype(type, runnable) || isSubtype(type, callable);
  }

  public boolean isHashtable(TypeMirror type) {
    return isSubtype(type, hashtable);
  }

  public boolean isLock(TypeMirror type) {
    return isSubtype(type, lock);
  }

  /**
   * Whether a variable or object of this type shows its class is used by several threads: a {@code
   * java.util.concurrent} atomic or lock, an executor, or a thread. Other types of the package
   * (TimeUnit, exceptions, concurrent collections) do not: a concurrent map only vouches for its
   * own field. Cached per class, as it is asked for every variable and {@code new}.
   */
  public boolean signalsSharing(TypeMirror type) {
    if (!(type instanceof DeclaredType declared)) {
      return false;
    }
    return sharingSignals.computeIfAbsent(
        declared.asElement(),
        element -> {
          javax.lang.model.element.Element e = element;
          while (e != null && !(e instanceof javax.lang.model.element.PackageElement)) {
            e = e.getEnclosingElement();
          }
          if (e instanceof javax.lang.model.element.PackageElement pkg
              && (pkg.getQualifiedName().contentEquals("java.util.concurrent.atomic")
                  || pkg.getQualifiedName().contentEquals("java.util.concurrent.locks"))) {
            return true;
          }
          return isSubtype(type, executor) || isSubtype(type, thread);
        });
  }

  private final java.util.Map<javax.lang.model.element.Element, Boolean> sharingSignals =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Whether the declared type is exactly the interface {@code java.util.Map} or ConcurrentMap. */
  public boolean isMapInterface(TypeMirror type) {
    if (!(type instanceof DeclaredType declared)) {
      return false;
    }
    String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
    return name.equals("java.util.Map") || name.equals("java.util.concurrent.ConcurrentMap");
  }

  /** {@code Collections.synchronizedMap(..)} and its sorted/navigable siblings. */
  public static boolean isSynchronizedWrapperCall(ExpressionTree expression) {
    return skipParens(expression) instanceof MethodInvocationTree call
        && SYNCHRONIZED_WRAPPERS.contains(methodName(call));
  }

  /**
   * Whether the expression builds a new collection holding a copy of {@code source}'s elements: a
   * copy constructor, a {@code copyOf}-style factory, {@code toArray}, or a collected stream.
   * Returns the copied expression, or null if it is not a copy.
   */
  public static ExpressionTree copiedFrom(ExpressionTree expression) {
    ExpressionTree e = skipParens(expression);
    if (e instanceof NewClassTree created
        && created.getArguments().size() == 1
        && created.getClassBody() == null) {
      return created.getArguments().get(0);
    }
    if (e instanceof MethodInvocationTree call) {
      String name = methodName(call);
      if (COPY_FACTORIES.contains(name) && call.getArguments().size() == 1) {
        return call.getArguments().get(0);
      }
      ExpressionTree receiver = receiver(call);
      if (receiver == null) {
        return null;
      }
      if (name.equals("toArray") || name.equals("toList")) {
        return streamSource(receiver, name.equals("toList"));
      }
      if (name.equals("collect") && call.getArguments().size() == 1) {
        return streamSource(receiver, true);
      }
    }
    return null;
  }

  /**
   * The collection a chain like {@code c.stream().sequential()} streams unfiltered, or {@code
   * receiver} itself when it is not a stream chain and {@code mustBeStream} is false.
   */
  public static ExpressionTree streamSource(ExpressionTree receiver, boolean mustBeStream) {
    ExpressionTree e = skipParens(receiver);
    boolean sawStream = false;
    while (e instanceof MethodInvocationTree call
        && PASS_THROUGH_STREAM_STEPS.contains(methodName(call))
        && call.getArguments().isEmpty()
        && receiver(call) != null) {
      sawStream = true;
      e = skipParens(receiver(call));
    }
    return (sawStream || !mustBeStream) ? e : null;
  }

  /** {@code Map.of()} or {@code Collections.emptyMap()}: a call that makes an empty map. */
  public static boolean isEmptyMapFactory(MethodInvocationTree call) {
    String name = methodName(call);
    return call.getArguments().isEmpty() && (name.equals("of") || name.equals("emptyMap"));
  }

  /** {@code Collections.emptySet()}, {@code Set.of()}, {@code new HashSet<>()} and the like. */
  public static boolean isEmptyCollection(ExpressionTree expression) {
    ExpressionTree e = skipParens(expression);
    if (e instanceof MethodInvocationTree call) {
      String name = methodName(call);
      return call.getArguments().isEmpty()
          && (name.equals("emptySet")
              || name.equals("emptyList")
              || name.equals("of")
              || name.equals("emptySortedSet")
              || name.equals("emptyNavigableSet"));
    }
    if (e instanceof NewClassTree created) {
      return created.getArguments().isEmpty() && created.getClassBody() == null;
    }
    if (e instanceof MemberSelectTree select) {
      String name = select.getIdentifier().toString();
      return name.equals("EMPTY_SET") || name.equals("EMPTY_LIST");
    }
    return false;
  }

  /** A lambda that returns the literal {@code true} whatever its argument. */
  public static boolean isAlwaysTrue(ExpressionTree expression) {
    if (!(skipParens(expression) instanceof LambdaExpressionTree lambda)) {
      return false;
    }
    Tree body = lambda.getBody();
    if (body instanceof com.sun.source.tree.BlockTree block
        && block.getStatements().size() == 1
        && block.getStatements().get(0) instanceof ReturnTree ret) {
      body = ret.getExpression();
    }
    return body instanceof ExpressionTree value
        && skipParens(value) instanceof LiteralTree literal
        && Boolean.TRUE.equals(literal.getValue());
  }

  /** {@code null}, in parentheses or a cast or not. */
  public static boolean isNullLiteral(ExpressionTree value) {
    return skipParens(value) instanceof LiteralTree literal && literal.getValue() == null;
  }

  /** {@code this} or {@code Outer.this}, in parentheses or not: the object running the code. */
  public static boolean isThis(ExpressionTree expression) {
    ExpressionTree e = skipParens(expression);
    return (e instanceof IdentifierTree id && id.getName().contentEquals("this"))
        || (e instanceof MemberSelectTree select && select.getIdentifier().contentEquals("this"));
  }

  /**
   * {@code f}, {@code this.f} or {@code Outer.this.f}: a name used on the running object (a field,
   * or a method's name in a call), not on another object.
   */
  public static boolean isOnThis(ExpressionTree expression) {
    ExpressionTree e = skipParens(expression);
    return e instanceof IdentifierTree
        || (e instanceof MemberSelectTree select && isThis(select.getExpression()));
  }

  public static ExpressionTree skipParens(ExpressionTree expression) {
    ExpressionTree e = expression;
    while (true) {
      if (e instanceof ParenthesizedTree parens) {
        e = parens.getExpression();
      } else if (e instanceof TypeCastTree cast) {
        e = cast.getExpression();
      } else {
        return e;
      }
    }
  }

  /** The simple name of the called method, without allocating: for hot paths. */
  public static javax.lang.model.element.Name methodNameOf(MethodInvocationTree call) {
    ExpressionTree select = call.getMethodSelect();
    if (select instanceof MemberSelectTree member) {
      return member.getIdentifier();
    }
    if (select instanceof IdentifierTree identifier) {
      return identifier.getName();
    }
    return null;
  }

  /**
   * The compiler's own names for a set of strings. javac interns names, so testing a tree's name
   * against these is a hash look-up; {@code Name.contentEquals} would decode the name into a new
   * String every time, on the hottest path of the scan.
   */
  public Set<javax.lang.model.element.Name> names(Set<String> strings) {
    return internedNames.computeIfAbsent(
        strings,
        key -> {
          Set<javax.lang.model.element.Name> names = new java.util.HashSet<>();
          for (String s : key) {
            names.add(elements.getName(s));
          }
          return Set.copyOf(names);
        });
  }

  private final java.util.Map<Set<String>, Set<javax.lang.model.element.Name>> internedNames =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The compiler's name for one string. */
  public javax.lang.model.element.Name name(String string) {
    return nameCache.computeIfAbsent(string, elements::getName);
  }

  /** The compiler's names already looked up: asked again for every class. */
  private final java.util.Map<String, javax.lang.model.element.Name> nameCache =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final java.util.Map<Class<?>, Object> memos =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** A value computed once per compilation from this knowledge, e.g. a scanner's vocabulary. */
  public <T> T memo(Class<T> key, java.util.function.Function<MapKnowledge, T> compute) {
    return key.cast(memos.computeIfAbsent(key, k -> compute.apply(this)));
  }

  /** The simple name of the called method. */
  public static String methodName(MethodInvocationTree call) {
    ExpressionTree select = call.getMethodSelect();
    if (select instanceof MemberSelectTree member) {
      return member.getIdentifier().toString();
    }
    if (select instanceof IdentifierTree identifier) {
      return identifier.getName().toString();
    }
    return "";
  }

  /** The explicit receiver of the call ({@code m} in {@code m.clear()}), or null. */
  public static ExpressionTree receiver(MethodInvocationTree call) {
    return call.getMethodSelect() instanceof MemberSelectTree member
        ? member.getExpression()
        : null;
  }

  /** For {@code m.keySet()} and the other views, {@code m}; otherwise null. */
  public static ExpressionTree viewedMap(ExpressionTree expression) {
    if (skipParens(expression) instanceof MethodInvocationTree call
        && call.getArguments().isEmpty()
        && VIEWS.contains(methodName(call))) {
      return receiver(call);
    }
    return null;
  }

  /** For {@code m.keySet()}, the view's name ({@code keySet}); otherwise null. */
  public static String viewName(ExpressionTree expression) {
    if (skipParens(expression) instanceof MethodInvocationTree call
        && call.getArguments().isEmpty()
        && VIEWS.contains(methodName(call))) {
      return methodName(call);
    }
    return null;
  }
}
