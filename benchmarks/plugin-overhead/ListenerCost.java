import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import dev.clearguard.checker.ClearGuardListener;
import dev.clearguard.checker.Options;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The direct cost of ClearGuard inside javac: compiles the same sources several times in one JVM
 * with ClearGuard's listener wrapped in a timing listener, and prints, per compilation, the
 * compiling thread's CPU time and the part of it spent inside ClearGuard. The first compilation is
 * the cold one (ClearGuard's code interpreted, then compiled by the JIT); later ones show the warm
 * cost. GC and JIT threads are not counted: compare with {@code measure.sh} for those.
 *
 * <pre>
 * java -Xmx3g -cp checker/target/clearguard-checker-VERSION.jar \
 *     benchmarks/plugin-overhead/ListenerCost.java &lt;rounds&gt; [--no-rules] -- &lt;javac args&gt;
 * </pre>
 *
 * {@code --no-rules} installs the listener with no rule enabled: the cost of being there at all.
 */
public final class ListenerCost {
  public static void main(String[] args) throws Exception {
    int rounds = Integer.parseInt(args[0]);
    int separator = Arrays.asList(args).indexOf("--");
    boolean noRules = Arrays.asList(args).subList(1, separator).contains("--no-rules");
    List<String> javacArgs =
        new ArrayList<>(Arrays.asList(args).subList(separator + 1, args.length));
    List<String> files = new ArrayList<>();
    for (var it = javacArgs.iterator(); it.hasNext(); ) {
      String arg = it.next();
      if (arg.startsWith("@")) {
        files.addAll(Files.readAllLines(Path.of(arg.substring(1))));
        it.remove();
      } else if (arg.endsWith(".java")) {
        files.add(arg);
        it.remove();
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    for (int round = 0; round < rounds; round++) {
      StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null);
      List<String> options = new ArrayList<>(javacArgs);
      options.addAll(List.of("-proc:none", "-d", Files.createTempDirectory("cost").toString()));
      JavacTask task =
          (JavacTask)
              javac.getTask(
                  null,
                  fileManager,
                  diagnostic -> {},
                  options,
                  null,
                  fileManager.getJavaFileObjectsFromStrings(files));
      ClearGuardListener clearGuard =
          noRules
              ? new ClearGuardListener(task, Options.defaults(), List.of())
              : new ClearGuardListener(task, Options.defaults());
      long[] inside = {0};
      task.addTaskListener(
          new TaskListener() {
            @Override
            public void started(TaskEvent event) {
              clearGuard.started(event);
            }

            @Override
            public void finished(TaskEvent event) {
              long start = threads.getCurrentThreadCpuTime();
              clearGuard.finished(event);
              inside[0] += threads.getCurrentThreadCpuTime() - start;
            }
          });
      long start = threads.getCurrentThreadCpuTime();
      boolean ok = task.call();
      long total = threads.getCurrentThreadCpuTime() - start;
      System.out.printf(
          "compilation %d%s: thread CPU %.2f s, inside ClearGuard %.3f s (%.2f%%), findings %d%n",
          round + 1,
          ok ? "" : " (FAILED)",
          total / 1e9,
          inside[0] / 1e9,
          100.0 * inside[0] / total,
          clearGuard.findings().size());
      System.gc();
    }
  }
}
