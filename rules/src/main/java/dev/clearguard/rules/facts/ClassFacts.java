package dev.clearguard.rules.facts;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.clearguard.rules.FixPlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Everything the rules need to know about one top-level class, computed in a single pass over its
 * tree and shared by all rules, so that no rule walks the compilation unit again.
 */
public final class ClassFacts {
  /** The runtime class every SnapshotMap fix migrates to, by its canonical name. */
  public static final String SNAPSHOT_MAP = "dev.clearguard.runtime.SnapshotMap";

  private final CompilationUnitTree unit;
  private final Trees trees;
  private final Types types;
  private final MapKnowledge knowledge;
  private final boolean snapshotMapAvailable;

  final Map<Element, FieldFacts> fields = new LinkedHashMap<>();
  final Map<Element, ExpressionTree> localInitializers = new java.util.HashMap<>();
  final Map<Element, TreePath> localDeclarations = new java.util.HashMap<>();

  /** Classes whose instances show they are shared: instance-level evidence. */
  final Set<Element> sharedClasses = new HashSet<>();

  /** Classes whose static code shows the class's static state is shared. */
  final Set<Element> sharedStatics = new HashSet<>();

  final List<Event<MethodInvocationTree>> calls = new ArrayList<>();
  final List<Event<StatementTree>> loops = new ArrayList<>();
  final List<Event<SynchronizedTree>> syncs = new ArrayList<>();
  final Set<Element> privateMethods = new HashSet<>();

  /**
   * Names of the fields and private methods declared in the class's member classes, collected
   * before the scan: most names the scanner meets are neither, and it resolves only those that may
   * be. javac interns names, so these compare cheaply.
   */
  final Set<javax.lang.model.element.Name> fieldNames = new HashSet<>();

  final Set<javax.lang.model.element.Name> privateMethodNames = new HashSet<>();

  /** Lock fields assigned one half of a ReadWriteLock outside their declaration. */
  final Map<Element, Lock> lockHalves = new java.util.HashMap<>();

  private final Map<Element, Boolean> reassignedLocals = new java.util.HashMap<>();
  final Set<Element> escapedMethods = new HashSet<>();
  final Map<Element, List<Site>> callSites = new java.util.HashMap<>();
  boolean erroneous;

  private ClassFacts(CompilationUnitTree unit, Trees trees, Types types, Elements elements) {
    this.unit = unit;
    this.trees = trees;
    this.types = types;
    this.knowledge = MapKnowledge.of(types, elements);
    this.snapshotMapAvailable = knowledge.snapshotMapAvailable();
  }

  /** Computes the facts of one top-level class of an attributed compilation unit. */
  public static ClassFacts of(
      CompilationUnitTree unit, ClassTree topLevel, Trees trees, Types types, Elements elements) {
    ClassFacts facts = new ClassFacts(unit, trees, types, elements);
    facts.collectNames(topLevel);
    new FactsScanner(facts).scan(new TreePath(new TreePath(unit), topLevel), null);
    SiteRewrites.resolveLockHalves(facts);
    SiteRewrites.inheritCallerContext(facts);
    return facts;
  }

  /** Field and private method names of a class and its member classes (not method bodies). */
  void collectNames(ClassTree type) {
    for (Tree member : type.getMembers()) {
      if (member instanceof com.sun.source.tree.VariableTree field) {
        fieldNames.add(field.getName());
      } else if (member instanceof com.sun.source.tree.MethodTree method) {
        if (method.getModifiers().getFlags().contains(Modifier.PRIVATE)) {
          privateMethodNames.add(method.getName());
        }
      } else if (member instanceof ClassTree nested) {
        collectNames(nested);
      }
    }
  }

  /** A tree the rules look at, with the place it stands. */
  public record Event<T extends Tree>(T tree, Site site) {}

  public CompilationUnitTree unit() {
    return unit;
  }

  public Trees trees() {
    return trees;
  }

  public Types types() {
    return types;
  }

  public MapKnowledge knowledge() {
    return knowledge;
  }

  /** Marks the class erroneous when the tree at {@code path} has no type javac could work out. */
  void checkType(TreePath path) {
    TypeMirror type = trees.getTypeMirror(path);
    if (type != null && type.getKind() == javax.lang.model.type.TypeKind.ERROR) {
      erroneous = true;
    }
  }

  /** Whether the class could not be attributed cleanly; rules stay silent on such classes. */
  public boolean erroneous() {
    return erroneous;
  }

  /** Whether {@code dev.clearguard.runtime.SnapshotMap} is on the compilation's class path. */
  public boolean snapshotMapAvailable() {
    return snapshotMapAvailable;
  }

  public Collection<FieldFacts> fields() {
    return Collections.unmodifiableCollection(fields.values());
  }

  /** Method calls that may clear a map: clear, removeIf, forEach, retainAll, removeAll. */
  public List<Event<MethodInvocationTree>> calls() {
    return Collections.unmodifiableList(calls);
  }

  /** Every for, enhanced-for and while loop. */
  public List<Event<StatementTree>> loops() {
    return Collections.unmodifiableList(loops);
  }

  public List<Event<SynchronizedTree>> syncs() {
    return Collections.unmodifiableList(syncs);
  }

  /**
   * Whether the class shows it is shared: synchronized members, volatile fields, {@code
   * java.util.concurrent} types, started threads, or {@code @ThreadSafe}.
   */
  public boolean isShared(TypeElement type) {
    return sharedClasses.contains(type);
  }

  /**
   * Whether something shows that {@code field} is used by several threads: it is used in code
   * handed to another thread, or its holder shows it is shared at the field's own level. An
   * instance field needs instance-level evidence in its class or a superclass (synchronized
   * instance code, volatile or atomic instance fields, started threads, a Runnable, a
   * container-managed singleton); a static counter or a synchronized static cache says nothing
   * about a request object's fields. A static field is shared whenever its class's instances are,
   * or its static code shows it.
   */
  public boolean isShared(FieldFacts field) {
    if (field.isHandedOff()) {
      return true;
    }
    TypeElement owner = field.owner();
    boolean instances = sharedClasses.contains(owner) || superclassShowsSharing(owner, false);
    if (!field.isStatic()) {
      return instances;
    }
    return instances || sharedStatics.contains(owner) || superclassShowsSharing(owner, true);
  }

  /**
   * Whether a superclass outside the JDK declares synchronized methods, or volatile or
   * concurrency-typed fields, at the given level: read from its elements, so it works for classes
   * on the class path too.
   */
  private boolean superclassShowsSharing(TypeElement type, boolean statics) {
    javax.lang.model.type.TypeMirror superclass = type.getSuperclass();
    for (int depth = 0; depth < 16; depth++) {
      if (!(superclass instanceof javax.lang.model.type.DeclaredType declared)
          || !(declared.asElement() instanceof TypeElement parent)) {
        return false;
      }
      String name = parent.getQualifiedName().toString();
      if (name.startsWith("java.") || name.startsWith("javax.")) {
        return false;
      }
      for (Element member : parent.getEnclosedElements()) {
        Set<Modifier> modifiers = member.getModifiers();
        if (modifiers.contains(Modifier.STATIC) != statics) {
          continue;
        }
        if (member.getKind() == ElementKind.METHOD && modifiers.contains(Modifier.SYNCHRONIZED)) {
          return true;
        }
        if (member.getKind() == ElementKind.FIELD
            && (modifiers.contains(Modifier.VOLATILE)
                || knowledge.signalsSharing(member.asType()))) {
          return true;
        }
      }
      superclass = parent.getSuperclass();
    }
    return false;
  }

  /** The initialiser of a local variable, or null. */
  public ExpressionTree localInitializer(Element local) {
    return localInitializers.get(local);
  }

  /** The path of a local variable's declaration, or null. */
  public TreePath localDeclaration(Element local) {
    return localDeclarations.get(local);
  }

  /** The element a name or member select refers to, or null. */
  public Element element(TreePath path) {
    return trees.getElement(path);
  }

  /**
   * The element of {@code expression}, a tree inside {@code context}'s subtree.
   *
   * <p>javac resolves a name's element and an expression's type from the tree itself (the
   * attributed symbol and type it carries), so a path that merely ends at the expression is enough.
   * {@code TreePath.getPath} would search the subtree for it, and it signals success by throwing an
   * exception that captures a stack trace: measured, that search was the largest single cost of the
   * whole analysis.
   */
  public Element element(ExpressionTree expression, TreePath context) {
    return trees.getElement(new TreePath(context, MapKnowledge.skipParens(expression)));
  }

  /** The attributed type of {@code expression}, a tree inside {@code context}'s subtree. */
  public TypeMirror type(ExpressionTree expression, TreePath context) {
    return trees.getTypeMirror(new TreePath(context, expression));
  }

  /** The field facts of a field declared in the analysed class, or null. */
  public FieldFacts field(Element element) {
    return element == null ? null : fields.get(element);
  }

  /**
   * Resolves an expression naming a map to a shared map: a field, a parameter of a concurrent map
   * type, or a local variable that aliases a field. Returns null for anything else, in particular
   * for local maps created in the method (a local copy is nobody else's).
   */
  public MapTarget mapTarget(ExpressionTree expression, TreePath context) {
    ExpressionTree e = MapKnowledge.skipParens(expression);
    if (!(e instanceof IdentifierTree) && !(e instanceof MemberSelectTree)) {
      return null;
    }
    Element element = element(e, context);
    if (element == null) {
      return null;
    }
    if (element.getKind() == ElementKind.LOCAL_VARIABLE) {
      ExpressionTree init = localInitializers.get(element);
      TreePath declaration = localDeclarations.get(element);
      if (init == null || declaration == null || isReassignedLocal(element, declaration)) {
        return null;
      }
      ExpressionTree aliased = MapKnowledge.skipParens(init);
      if (!(aliased instanceof IdentifierTree) && !(aliased instanceof MemberSelectTree)) {
        return null;
      }
      Element target = element(aliased, declaration);
      if (target == null || target.getKind() != ElementKind.FIELD) {
        return null;
      }
      return fieldTarget(target, e.toString(), ownerOf(aliased, declaration));
    }
    if (element.getKind() == ElementKind.FIELD) {
      return fieldTarget(element, e.toString(), ownerOf(e, context));
    }
    if (element.getKind() == ElementKind.PARAMETER
        && knowledge.isConcurrentType(element.asType())) {
      return new MapTarget(
          element,
          null,
          true,
          knowledge.isHashtable(element.asType()),
          e.toString(),
          MapTarget.OWN);
    }
    return null;
  }

  private MapTarget fieldTarget(Element element, String text, Object owner) {
    FieldFacts facts = fields.get(element);
    if (facts != null) {
      if (!facts.isMap()) {
        return null;
      }
      return new MapTarget(
          element, facts, facts.isConcurrent(), facts.isSelfLocking(), text, owner);
    }
    TypeMirror type = element.asType();
    if (!knowledge.isMap(type)) {
      return null;
    }
    return new MapTarget(
        element, null, knowledge.isConcurrentType(type), knowledge.isHashtable(type), text, owner);
  }

  /**
   * Which object's field a field expression names: {@link MapTarget#OWN} for {@code m}, {@code
   * this.m}, {@code Outer.this.m} and static fields; the qualifying variable for {@code other.m};
   * null when unknown (a call result, or a local variable reassigned after its declaration).
   */
  private Object ownerOf(ExpressionTree fieldExpression, TreePath context) {
    ExpressionTree e = MapKnowledge.skipParens(fieldExpression);
    if (e instanceof IdentifierTree) {
      return MapTarget.OWN;
    }
    if (!(e instanceof MemberSelectTree select)) {
      return null;
    }
    ExpressionTree qualifier = MapKnowledge.skipParens(select.getExpression());
    if (MapKnowledge.isThis(qualifier)) {
      return MapTarget.OWN;
    }
    if (!(qualifier instanceof IdentifierTree)) {
      return null;
    }
    Element element = element(qualifier, context);
    if (element instanceof TypeElement) {
      return MapTarget.OWN;
    }
    if (element == null
        || (element.getKind() == ElementKind.LOCAL_VARIABLE
            && (localDeclarations.get(element) == null
                || isReassignedLocal(element, localDeclarations.get(element))))) {
      return null;
    }
    return element;
  }

  /** Whether a local variable is assigned anywhere after its declaration. */
  private boolean isReassignedLocal(Element local, TreePath declaration) {
    return reassignedLocals.computeIfAbsent(
        local,
        l -> {
          TreePath scope = declaration.getParentPath();
          boolean[] found = {false};
          new com.sun.source.util.TreePathScanner<Void, Void>() {
            @Override
            public Void visitAssignment(com.sun.source.tree.AssignmentTree tree, Void unused) {
              if (MapKnowledge.skipParens(tree.getVariable()) instanceof IdentifierTree
                  && l.equals(
                      trees.getElement(new TreePath(getCurrentPath(), tree.getVariable())))) {
                found[0] = true;
              }
              return super.visitAssignment(tree, null);
            }
          }.scan(scope, null);
          return found[0];
        });
  }

  /**
   * "One lock, no finding": whether one lock orders every shared use of the field, writes
   * (assignments, and mutations when {@code mutationsWrite}) in a mode that excludes readers.
   */
  public boolean underOneLock(FieldFacts field, boolean mutationsWrite) {
    List<Access> uses = field.sharedAccesses();
    if (uses.isEmpty()) {
      return false;
    }
    for (Lock candidate : uses.get(0).site().locks()) {
      Object key = candidate.key();
      boolean all = true;
      for (Access use : uses) {
        boolean write =
            use.kind() == Access.Kind.ASSIGN
                || (mutationsWrite && use.kind() == Access.Kind.MUTATE);
        if (!use.site().holds(key, write)) {
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

  public FixPlan.Position position(Tree tree) {
    SourcePositions positions = trees.getSourcePositions();
    long offset = positions.getStartPosition(unit, tree);
    return new FixPlan.Position(
        unit.getLineMap().getLineNumber(offset), unit.getLineMap().getColumnNumber(offset), offset);
  }

  /** The fix plan's description of a field declared in this class. */
  public FixPlan.FieldRef fieldRef(FieldFacts field) {
    Set<Modifier> modifiers = field.element().getModifiers();
    String visibility =
        modifiers.contains(Modifier.PRIVATE)
            ? "private"
            : modifiers.contains(Modifier.PUBLIC)
                ? "public"
                : modifiers.contains(Modifier.PROTECTED) ? "protected" : "package";
    String owner =
        ((TypeElement) field.owner()).getQualifiedName().toString(); // binary enough for lookups
    return new FixPlan.FieldRef(
        owner, field.name(), position(field.tree()), field.tree().getType().toString(), visibility);
  }

  /** The file name javac gives this compilation unit. */
  public String fileName() {
    return unit.getSourceFile().getName();
  }
}
