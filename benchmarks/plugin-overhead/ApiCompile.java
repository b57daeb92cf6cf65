import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * One compilation through the {@code javax.tools} API with a {@link DiagnosticCollector}, the way
 * build tools run javac in their own JVM (Maven's compiler plugin does by default). Used by {@code
 * measure.sh} when {@code LAUNCH=api}. The difference from the command line that matters here:
 * with a diagnostic listener javac records every tree's end position whether or not a plugin is
 * installed, so the baseline already pays for that.
 *
 * <pre>
 * java -cp &lt;this compiled&gt; ApiCompile &lt;javac options and files, @argfiles of file names&gt;
 * </pre>
 *
 * Exits with 1 and prints the errors when the compilation fails.
 */
public final class ApiCompile {
  public static void main(String[] args) throws Exception {
    List<String> options = new ArrayList<>();
    List<String> files = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("@")) {
        files.addAll(Files.readAllLines(Path.of(arg.substring(1))));
      } else if (arg.endsWith(".java")) {
        files.add(arg);
      } else {
        options.add(arg);
      }
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    boolean ok;
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, null)) {
      ok =
          javac
              .getTask(
                  null,
                  fileManager,
                  diagnostics,
                  options,
                  null,
                  fileManager.getJavaFileObjectsFromStrings(files))
              .call();
    }
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR || !ok) {
        System.err.println(d.getKind() + ": " + d.getMessage(Locale.ROOT));
      }
    }
    System.exit(ok ? 0 : 1);
  }
}
