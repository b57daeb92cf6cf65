package dev.clearguard.rules.facts;

import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/**
 * What the JDK and the common frameworks say about when code runs and on which thread: which
 * methods set up an object or a class before it is shared (constructors, fixtures, container
 * call-backs), which a scheduler, an event bus or another thread runs, which calls start a thread
 * or hand a function to one. The sibling of {@link MapKnowledge}, which knows the maps: the scanner
 * and the call graph both ask here, so a framework is taught in one place.
 */
final class ThreadKnowledge {
  private ThreadKnowledge() {}

  /** The test frameworks' fixture annotations: JUnit 4 and 5, TestNG. */
  static final Set<String> FIXTURE_ANNOTATIONS =
      Set.of(
          "Before",
          "BeforeEach",
          "BeforeAll",
          "BeforeClass",
          "BeforeMethod",
          "BeforeTest",
          "BeforeSuite",
          "BeforeGroups");

  /**
   * Annotations of methods that run before their object is shared, besides constructors and
   * initialisers.
   */
  static final Set<String> PRE_PUBLICATION_ANNOTATIONS =
      Set.of(
          "PostConstruct",
          "BeforeEach",
          "BeforeAll",
          "Before",
          "BeforeClass",
          "BeforeMethod",
          "BeforeTest",
          "BeforeSuite");

  /**
   * Methods that run before their object is shared by their name: {@code readObject(in)}, and the
   * others when they take no parameter.
   */
  static final Set<String> PRE_PUBLICATION_METHODS =
      Set.of("readObject", "readResolve", "setUp", "afterPropertiesSet");

  /** Calls that start threads or hand work to an executor. */
  static final Set<String> THREAD_STARTS = Set.of("start", "submit", "execute");

  /** Calls that hand their function argument to another thread, or keep it to call back later. */
  static final Set<String> HAND_OFF_CALLS =
      Set.of(
          "execute",
          "submit",
          "schedule",
          "scheduleAtFixedRate",
          "scheduleWithFixedDelay",
          "invokeAll",
          "invokeAny",
          "runAsync",
          "supplyAsync",
          "thenApplyAsync",
          "thenAcceptAsync",
          "thenRunAsync",
          "thenComposeAsync",
          "whenCompleteAsync",
          "handleAsync",
          "addCallback",
          "addListener",
          "subscribe",
          "register",
          "registerListener",
          "newThread");

  /**
   * Whether a call of this name hands its function argument on: a {@link #HAND_OFF_CALLS} name, an
   * {@code add...Listener} or a {@code register...}.
   */
  static boolean handsOff(String name) {
    return HAND_OFF_CALLS.contains(name)
        || (name.startsWith("add") && name.endsWith("Listener"))
        || name.startsWith("register");
  }

  /** Test-only markers: Guava's and JetBrains' annotations, and project ones like JustForTest. */
  private static boolean isTestOnlyAnnotation(String simpleName) {
    return simpleName.equals("VisibleForTesting")
        || simpleName.equals("TestOnly")
        || simpleName.contains("ForTest")
        || simpleName.contains("TestOnly");
  }

  /** Methods run by a scheduler, an executor or an event bus. */
  static final Set<String> RUNTIME_ANNOTATIONS =
      Set.of(
          "Scheduled",
          "Schedules",
          "Async",
          "EventListener",
          "TransactionalEventListener",
          "Subscribe",
          "KafkaListener",
          "RabbitListener",
          "JmsListener",
          "Schedule",
          "Timeout",
          "Observes",
          "ObservesAsync");

  /** Container-managed singletons: one instance serves every request thread. */
  static final Set<String> SINGLETON_ANNOTATIONS =
      Set.of(
          "Component",
          "Service",
          "Repository",
          "Controller",
          "RestController",
          "Singleton",
          "ApplicationScoped",
          "Configuration");

  /**
   * Methods a container calls while it builds a bean, before the bean is handed out: initialisers,
   * factory methods, injection.
   */
  private static final Set<String> OBJECT_SET_UP_ANNOTATIONS =
      Set.of("PostConstruct", "Bean", "Inject", "Autowired");

  /** {@code void setX(value)}: a JavaBean property setter. */
  static boolean isSetter(ExecutableElement m) {
    String name = m.getSimpleName().toString();
    return name.length() > 3
        && name.startsWith("set")
        && Character.isUpperCase(name.charAt(3))
        && m.getParameters().size() == 1
        && !m.getModifiers().contains(Modifier.STATIC);
  }

  /** Whether {@code m} carries a test-only marker, or sits in a class that does. */
  static boolean isTestOnly(Element m) {
    for (Element e = m; e != null && !(e instanceof PackageElement); e = e.getEnclosingElement()) {
      for (AnnotationMirror a : e.getAnnotationMirrors()) {
        if (isTestOnlyAnnotation(a.getAnnotationType().asElement().getSimpleName().toString())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean hasAnnotation(Element e, Set<String> simpleNames) {
    for (AnnotationMirror a : e.getAnnotationMirrors()) {
      if (simpleNames.contains(a.getAnnotationType().asElement().getSimpleName().toString())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code m} sets up its class ({@link Reach#START_UP}) or its object ({@link
   * Reach#OBJECT_SET_UP}) by what it is, or null.
   */
  static Program.Reach setUpKind(ExecutableElement m) {
    ElementKind kind = m.getKind();
    boolean isStatic = m.getModifiers().contains(Modifier.STATIC);
    if (kind == ElementKind.STATIC_INIT) {
      return Program.Reach.START_UP;
    }
    if (kind == ElementKind.CONSTRUCTOR || kind == ElementKind.INSTANCE_INIT) {
      return Program.Reach.OBJECT_SET_UP;
    }
    if (hasAnnotation(m, FIXTURE_ANNOTATIONS)) {
      return Program.Reach.START_UP; // a test class's fixtures and tests run one after another
    }
    if (hasAnnotation(m, OBJECT_SET_UP_ANNOTATIONS)) {
      return Program.Reach.OBJECT_SET_UP;
    }
    String name = m.getSimpleName().toString();
    int params = m.getParameters().size();
    return switch (name) {
      case "readObject" -> params == 1 && !isStatic ? Program.Reach.OBJECT_SET_UP : null;
      case "readResolve", "afterPropertiesSet" ->
          params == 0 && !isStatic ? Program.Reach.OBJECT_SET_UP : null;
      case "setUp" -> params == 0 && !isStatic ? Program.Reach.START_UP : null;
      case "main" ->
          isStatic && params == 1 && m.getParameters().get(0).asType().getKind() == TypeKind.ARRAY
              ? Program.Reach.START_UP
              : null;
      default -> null;
    };
  }

  /** Methods that other threads' code, a scheduler or a request runs. */
  static boolean isRuntimeRoot(ExecutableElement m, MapKnowledge knowledge) {
    if (!(m.getEnclosingElement() instanceof TypeElement owner)) {
      return false;
    }
    NestingKind nesting = owner.getNestingKind();
    if (nesting == NestingKind.ANONYMOUS || nesting == NestingKind.LOCAL) {
      return true; // an object made to be handed to someone else, who calls it when it likes
    }
    if (hasAnnotation(m, RUNTIME_ANNOTATIONS)) {
      return true;
    }
    String name = m.getSimpleName().toString();
    int params = m.getParameters().size();
    if (name.equals("run") && params == 0 && knowledge.isRunnable(owner.asType())) {
      return true;
    }
    if (name.equals("call") && params == 0 && knowledge.isCallable(owner.asType())) {
      return true;
    }
    if ((name.equals("onEvent") || name.equals("onApplicationEvent")) && params >= 1) {
      return true;
    }
    return false;
  }

  /**
   * A container-managed singleton's public method: it serves concurrent requests unless the
   * compilation shows it is only ever called from set-up code (a {@code load()} only the
   * {@code @PostConstruct} method calls). Its setters are the container's binding, done while it
   * builds the bean.
   */
  static boolean servesRequests(ExecutableElement m) {
    return m.getModifiers().contains(Modifier.PUBLIC)
        && !m.getModifiers().contains(Modifier.STATIC)
        && !isSetter(m)
        && m.getEnclosingElement() instanceof TypeElement owner
        && hasAnnotation(owner, SINGLETON_ANNOTATIONS);
  }
}
