package dev.clearguard.checker;

import com.google.auto.service.AutoService;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.Plugin;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.Trees;
import dev.clearguard.checker.fix.PatchWriter;
import javax.tools.Diagnostic;

/**
 * The javac plugin: {@code javac -processorpath clearguard-checker.jar -Xplugin:ClearGuard}.
 * Options follow the name inside the same argument: {@code -Xplugin:"ClearGuard severity=error
 * json=target/clearguard.json"}.
 */
@AutoService(Plugin.class)
public final class ClearGuardPlugin implements Plugin {
  public static final String NAME = "ClearGuard";

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public void init(JavacTask task, String... args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (Options.InvalidOptionException e) {
      // Throwing here makes javac die with a stack trace; an error diagnostic fails the
      // compilation just as surely and reads like every other compiler error.
      task.addTaskListener(new OptionErrorReporter(task, e.getMessage()));
      return;
    }
    ClearGuardListener listener = new ClearGuardListener(task, options);
    if (options.patch() != null) {
      listener.addSink(new PatchWriter(options.patch()));
    }
    if (options.severity() == Options.DiagnosticSeverity.NOTE) {
      listener.addSink(ConsoleSummary.toStandardError());
    }
    task.addTaskListener(listener);
  }

  /** Reports a bad option once, as an error on the first file javac parses, and nothing else. */
  private static final class OptionErrorReporter implements TaskListener {
    private final Trees trees;
    private final String message;
    private boolean reported;

    OptionErrorReporter(JavacTask task, String message) {
      this.trees = Trees.instance(task);
      this.message = message;
    }

    @Override
    public void finished(TaskEvent event) {
      if (!reported
          && event.getKind() == TaskEvent.Kind.PARSE
          && event.getCompilationUnit() != null) {
        reported = true;
        CompilationUnitTree unit = event.getCompilationUnit();
        trees.printMessage(Diagnostic.Kind.ERROR, message, unit, unit);
      }
    }
  }

  @Override
  public boolean autoStart() {
    return false;
  }
}
