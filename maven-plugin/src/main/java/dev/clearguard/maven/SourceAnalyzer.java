package dev.clearguard.maven;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.clearguard.checker.ClearGuardListener;
import dev.clearguard.checker.LineMap;
import dev.clearguard.checker.Options;
import dev.clearguard.rules.Finding;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Runs the ClearGuard rules over a set of source files in-process: javac parses and attributes them
 * ({@link JavacTask#analyze()}), no class file is written, and every finding comes back with the
 * baseline identity of its code (enclosing member and normalised statement text), which needs the
 * live javac trees and so is computed here, before the task is dropped.
 */
final class SourceAnalyzer {
  /** Normalised statement text longer than this is cut: edits deep inside a loop body are noise. */
  static final int MAX_STATEMENT_CHARS = 160;

  /**
   * What to analyse and how javac must see it.
   *
   * @param sources the .java files, absolute
   * @param classpath the classpath entries that exist
   * @param release the {@code --release} value, or null
   * @param source the {@code -source} value used when there is no release, or null
   * @param encoding the source encoding, or null for the platform's
   * @param moduleOptions the project's own javac module-system options ({@code --add-exports} and
   *     the like), which its sources may need to compile
   */
  record Input(
      List<Path> sources,
      List<String> classpath,
      String release,
      String source,
      String encoding,
      List<String> moduleOptions,
      Options options) {}

  /** A finding plus what the reports and the baseline need to know about its code. */
  record Located(Finding finding, Path file, String member, String statement) {}

  /** All findings of one analysis, in file and position order, and the text of their files. */
  record Scan(List<Located> findings, Map<Path, String> sourceTexts, int fileCount) {}

  /** The sources do not compile; the message names the first error. */
  static final class CompileErrorException extends Exception {
    private static final long serialVersionUID = 1L;

    CompileErrorException(String message) {
      super(message);
    }
  }

  private SourceAnalyzer() {}

  /** Told of a file's findings so far each time javac has analysed one of its classes. */
  interface EarlyFindings {
    void found(String path, String text, List<Finding> findingsInFile);
  }

  static Scan analyze(Input request, Path displayBase) throws CompileErrorException, IOException {
    return analyze(request, displayBase, null);
  }

  static Scan analyze(Input request, Path displayBase, EarlyFindings early)
      throws CompileErrorException, IOException {
    if (request.sources().isEmpty()) {
      return new Scan(List.of(), Map.of(), 0);
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException(
          "ClearGuard needs a JDK, but Maven runs on a Java runtime without javac ("
              + System.getProperty("java.home")
              + "); set JAVA_HOME to a JDK");
    }
    Charset charset = charset(request.encoding());
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> args = new ArrayList<>();
    // -proc:none: the user's annotation processors would cost time and may write files.
    args.addAll(List.of("-proc:none", "-implicit:none", "-Xlint:none"));
    args.addAll(List.of("-encoding", charset.name()));
    if (request.release() != null) {
      args.addAll(List.of("--release", request.release()));
    } else if (request.source() != null) {
      args.addAll(List.of("-source", request.source()));
    }
    args.addAll(request.moduleOptions());
    args.addAll(List.of("-classpath", String.join(File.pathSeparator, request.classpath())));

    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, charset)) {
      Iterable<? extends JavaFileObject> units =
          files.getJavaFileObjectsFromPaths(request.sources());
      StringWriter javacOut = new StringWriter();
      JavacTask task;
      try {
        task = (JavacTask) compiler.getTask(javacOut, files, diagnostics, args, null, units);
      } catch (IllegalArgumentException e) {
        throw new CompileErrorException(
            "javac rejected the options ClearGuard derived from the project ("
                + String.join(" ", args.subList(0, args.size() - 2))
                + "): "
                + e.getMessage());
      }
      ClearGuardListener listener = new ClearGuardListener(task, request.options());
      task.addTaskListener(listener);
      if (early != null) {
        listener.addFileSink((unit, inFile) -> earlyFindings(unit, inFile, early));
      }
      task.analyze();

      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          throw new CompileErrorException(describe(d, displayBase));
        }
      }
      return locate(task, listener.findings(), request.sources().size());
    }
  }

  /** Hands on each file's findings once they are final, before the reports are written. */
  private static void earlyFindings(
      CompilationUnitTree unit, List<Finding> inFile, EarlyFindings early) {
    if (inFile.isEmpty()) {
      return;
    }
    try {
      JavaFileObject source = unit.getSourceFile();
      early.found(
          Path.of(source.toUri()).toString(), source.getCharContent(true).toString(), inFile);
    } catch (IOException | RuntimeException e) {
      // Only an early start: the fixes are computed after the analysis all the same.
    }
  }

  private static Charset charset(String encoding) {
    if (encoding == null || encoding.isBlank()) {
      return Charset.defaultCharset();
    }
    try {
      return Charset.forName(encoding);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "project.build.sourceEncoding '" + encoding + "' is not a charset this JVM knows", e);
    }
  }

  private static String describe(Diagnostic<? extends JavaFileObject> d, Path displayBase) {
    String message = d.getMessage(Locale.ROOT);
    int newline = message.indexOf('\n');
    String firstLine = newline < 0 ? message : message.substring(0, newline);
    if (d.getSource() == null) {
      return firstLine;
    }
    String where = ReportPaths.display(Path.of(d.getSource().toUri()), displayBase);
    return where + ":" + d.getLineNumber() + ": " + firstLine;
  }

  private static Scan locate(JavacTask task, List<Finding> findings, int fileCount)
      throws IOException {
    Trees trees = Trees.instance(task);
    SourcePositions positions = trees.getSourcePositions();
    Types types = task.getTypes();
    Map<Path, String> texts = new HashMap<>();
    List<Located> located = new ArrayList<>();
    for (Finding finding : findings) {
      Path file = Path.of(finding.file()).toAbsolutePath().normalize();
      TreePath path = finding.path();
      String text = texts.get(file);
      if (text == null) {
        text =
            path != null
                ? path.getCompilationUnit().getSourceFile().getCharContent(true).toString()
                : Files.readString(file);
        texts.put(file, text);
      }
      String member = path == null ? "" : member(path, trees, types);
      String statement = statement(finding, path, positions, text);
      located.add(new Located(finding, file, member, statement));
    }
    located.sort(
        (a, b) -> {
          int byFile = a.file().compareTo(b.file());
          return byFile != 0
              ? byFile
              : Long.compare(a.finding().position(), b.finding().position());
        });
    return new Scan(List.copyOf(located), Map.copyOf(texts), fileCount);
  }

  /**
   * The innermost member of a named class that encloses the tree: {@code pkg.Outer.Inner#m(int)},
   * {@code #field}, {@code #<init>} for an instance initialiser, {@code #<clinit>} for a static
   * one. Anonymous classes are looked through so that adding one elsewhere renames nothing.
   */
  static String member(TreePath path, Trees trees, Types types) {
    Deque<Tree> chain = new ArrayDeque<>();
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      chain.push(p.getLeaf());
    }
    // chain: compilation unit first, leaf last.
    List<Tree> chainList = new ArrayList<>(chain);
    String memberName = null;
    int memberIndex = -1;
    for (int i = chainList.size() - 1; i > 0; i--) {
      Tree tree = chainList.get(i);
      Tree parent = chainList.get(i - 1);
      if (!(parent instanceof ClassTree owner) || owner.getSimpleName().length() == 0) {
        continue;
      }
      if (tree instanceof MethodTree method) {
        memberName = signature(method, pathTo(path, method), trees, types);
      } else if (tree instanceof VariableTree variable) {
        memberName = variable.getName().toString();
      } else if (tree instanceof BlockTree block) {
        memberName = block.isStatic() ? "<clinit>" : "<init>";
      } else {
        continue;
      }
      memberIndex = i;
      break;
    }
    StringBuilder owner = new StringBuilder();
    CompilationUnitTree unit = path.getCompilationUnit();
    if (unit.getPackageName() != null) {
      owner.append(unit.getPackageName());
    }
    int end = memberIndex < 0 ? chainList.size() : memberIndex;
    for (int i = 0; i < end; i++) {
      if (chainList.get(i) instanceof ClassTree c && c.getSimpleName().length() > 0) {
        if (owner.length() > 0) {
          owner.append('.');
        }
        owner.append(c.getSimpleName());
      }
    }
    return memberName == null ? owner.toString() : owner + "#" + memberName;
  }

  private static TreePath pathTo(TreePath from, Tree target) {
    for (TreePath p = from; p != null; p = p.getParentPath()) {
      if (p.getLeaf() == target) {
        return p;
      }
    }
    return null;
  }

  private static String signature(MethodTree method, TreePath path, Trees trees, Types types) {
    Element element = path == null ? null : trees.getElement(path);
    StringBuilder out = new StringBuilder();
    boolean constructor = method.getReturnType() == null;
    out.append(constructor ? "<init>" : method.getName().toString()).append('(');
    if (element instanceof ExecutableElement executable) {
      List<? extends VariableElement> params = executable.getParameters();
      for (int i = 0; i < params.size(); i++) {
        out.append(i == 0 ? "" : ",").append(types.erasure(params.get(i).asType()));
      }
    } else {
      List<? extends VariableTree> params = method.getParameters();
      for (int i = 0; i < params.size(); i++) {
        out.append(i == 0 ? "" : ",").append(params.get(i).getType());
      }
    }
    return out.append(')').toString();
  }

  /**
   * The reported code with runs of whitespace collapsed to one space, cut at {@link
   * #MAX_STATEMENT_CHARS}: the loop, call or assignment javac reported. When javac cannot give the
   * tree's end (no end-position table), the reported line stands in.
   */
  static String statement(Finding finding, TreePath path, SourcePositions positions, String text) {
    String raw = null;
    if (path != null) {
      long start = positions.getStartPosition(path.getCompilationUnit(), path.getLeaf());
      long end = positions.getEndPosition(path.getCompilationUnit(), path.getLeaf());
      if (start >= 0 && end > start && end <= text.length()) {
        raw = text.substring((int) start, (int) end);
      }
    }
    if (raw == null) {
      raw = line(text, finding.line());
    }
    return normalise(raw);
  }

  static String normalise(String code) {
    String collapsed = code.replaceAll("\\s+", " ").trim();
    return collapsed.length() <= MAX_STATEMENT_CHARS
        ? collapsed
        : collapsed.substring(0, MAX_STATEMENT_CHARS);
  }

  static String line(String text, long lineNumber) {
    LineMap lines = LineMap.of(text);
    return lineNumber >= 1 && lineNumber <= lines.lineCount()
        ? lines.lineText((int) lineNumber)
        : "";
  }

  /** Orders sources deterministically so reports and baselines do not depend on file listing. */
  static List<Path> sorted(List<Path> sources) {
    Map<String, Path> unique = new LinkedHashMap<>();
    sources.stream()
        .map(p -> p.toAbsolutePath().normalize())
        .sorted()
        .forEach(p -> unique.putIfAbsent(p.toString(), p));
    return List.copyOf(unique.values());
  }
}
