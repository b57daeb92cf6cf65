package dev.clearguard.checker.errorprone;

import com.sun.source.tree.ClassTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.JavacTrees;
import com.sun.tools.javac.model.JavacElements;
import com.sun.tools.javac.model.JavacTypes;
import com.sun.tools.javac.util.Context;
import dev.clearguard.rules.Analyzer;
import dev.clearguard.rules.Rules;

/**
 * The analysis of the top-level class Error Prone is visiting, shared by the four adapters so the
 * class's facts are built once, as in the plain plugin.
 *
 * <p>It lives in the compilation's javac {@link Context} and remembers a single class: Error Prone
 * calls every class matcher on a node before it moves on, so one entry is enough, and nothing
 * outlives the compilation (a static map would keep every analysed tree of every compilation in a
 * long-lived daemon or IDE alive).
 */
final class AnalysisCache {
  private static final Context.Key<AnalysisCache> KEY = new Context.Key<>();

  private ClassTree tree;
  private Analyzer.Result result;
  private boolean factsFailureReported;

  private AnalysisCache() {}

  static AnalysisCache instance(Context context) {
    AnalysisCache cache = context.get(KEY);
    if (cache == null) {
      cache = new AnalysisCache();
      context.put(KEY, cache);
    }
    return cache;
  }

  /**
   * Every rule's findings in the top-level class at {@code classPath}, already
   * suppression-filtered.
   */
  Analyzer.Result analyze(TreePath classPath, Context context) {
    ClassTree leaf = (ClassTree) classPath.getLeaf();
    if (leaf != tree) {
      result =
          Analyzer.analyze(
              classPath.getCompilationUnit(),
              leaf,
              JavacTrees.instance(context),
              JavacTypes.instance(context),
              JavacElements.instance(context),
              Rules.all());
      tree = leaf;
      factsFailureReported = false;
    }
    return result;
  }

  /**
   * True once per analysed class: the facts are shared, so only the first adapter to see that they
   * could not be computed reports it.
   */
  boolean claimFactsFailure() {
    boolean first = !factsFailureReported;
    factsFailureReported = true;
    return first;
  }
}
