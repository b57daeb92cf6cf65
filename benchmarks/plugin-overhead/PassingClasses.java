import com.sun.source.tree.ClassTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.Trees;
import dev.clearguard.rules.Outline;
import dev.clearguard.rules.Rule;
import dev.clearguard.rules.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * How many top-level classes of a build each rule's precondition ({@link Rule#mayReport}) lets
 * through to the full analysis, and how many pass at least one: the classes whose facts ClearGuard
 * computes. Compiles the sources once, asking the rules' questions at the same point as the plugin.
 *
 * <pre>
 * java -cp checker/target/clearguard-checker-VERSION.jar \
 *     benchmarks/plugin-overhead/PassingClasses.java -- &lt;javac args, @argfiles of file names&gt;
 * </pre>
 */
public final class PassingClasses {
  public static void main(String[] args) throws Exception {
    List<String> options = new ArrayList<>();
    List<String> files = new ArrayList<>();
    boolean afterSeparator = false;
    for (String arg : args) {
      if (!afterSeparator) {
        afterSeparator = arg.equals("--");
      } else if (arg.startsWith("@")) {
        files.addAll(Files.readAllLines(Path.of(arg.substring(1))));
      } else if (arg.endsWith(".java")) {
        files.add(arg);
      } else {
        options.add(arg);
      }
    }
    options.addAll(List.of("-proc:none", "-d", Files.createTempDirectory("passing").toString()));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null);
    JavacTask task =
        (JavacTask)
            javac.getTask(
                null,
                fileManager,
                diagnostic -> {},
                options,
                null,
                fileManager.getJavaFileObjectsFromStrings(files));
    Trees trees = Trees.instance(task);
    List<Rule> rules = Rules.all();
    Map<String, Integer> passing = new LinkedHashMap<>();
    rules.forEach(rule -> passing.put(rule.name(), 0));
    int[] classes = new int[2]; // all top-level classes, those passing at least one rule
    task.addTaskListener(
        new TaskListener() {
          @Override
          public void finished(TaskEvent event) {
            TypeElement type = event.getTypeElement();
            if (event.getKind() != TaskEvent.Kind.ANALYZE
                || type.getEnclosingElement().getKind() != ElementKind.PACKAGE) {
              return;
            }
            ClassTree tree = trees.getTree(type);
            if (tree == null) {
              return; // package-info.java
            }
            Outline outline =
                Outline.of(
                    event.getCompilationUnit(), tree, trees, task.getTypes(), task.getElements());
            boolean any = false;
            for (Rule rule : rules) {
              if (rule.mayReport(outline)) {
                passing.merge(rule.name(), 1, Integer::sum);
                any = true;
              }
            }
            classes[0]++;
            classes[1] += any ? 1 : 0;
          }
        });
    boolean ok = task.call();
    passing.forEach((rule, n) -> System.out.printf("%-24s %6d%n", rule, n));
    System.out.printf(
        "%-24s %6d of %d top-level classes (%.1f%%)%s%n",
        "any rule",
        classes[1],
        classes[0],
        100.0 * classes[1] / Math.max(1, classes[0]),
        ok ? "" : " -- the compilation had errors");
  }
}
