package dev.clearguard.checker.errorprone;

import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.bugpatterns.BugChecker.ClassTreeMatcher;
import com.google.errorprone.fixes.SuggestedFix;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.api.JavacTrees;
import dev.clearguard.rules.Analyzer;
import dev.clearguard.rules.Finding;
import javax.tools.Diagnostic;

/**
 * Reports one ClearGuard rule's findings through Error Prone. The rule runs through the same {@link
 * Analyzer} as in {@code -Xplugin:ClearGuard}, on each top-level class, and each finding is
 * reported at the tree the plain plugin reports it at, with the same message. Its suggested fix is
 * the {@link dev.clearguard.checker.fix.Fixer}'s rewrite of that finding, the one {@code
 * -Xplugin:"ClearGuard patch=..."} and {@code clearguard:fix} apply; a finding the fixer leaves
 * manual has none.
 *
 * <p>Suppression is the analyzer's, not Error Prone's: the subclasses' {@code @BugPattern}s declare
 * no suppression annotation, because Error Prone would only see a {@code @SuppressWarnings} on the
 * top-level class (it calls this matcher there) and would also honour {@code "all"}, which the
 * plain plugin does not. {@code @SuppressWarnings("RuleName")} and {@code "ClearGuard"} on any
 * enclosing declaration therefore silence exactly the same findings in both paths.
 */
abstract class ClearGuardChecker extends BugChecker implements ClassTreeMatcher {

  @Override
  public final Description matchClass(ClassTree tree, VisitorState state) {
    TreePath path = state.getPath();
    if (path == null
        || path.getParentPath() == null
        || !(path.getParentPath().getLeaf() instanceof CompilationUnitTree)) {
      return Description.NO_MATCH; // nested classes are analysed with their top-level class
    }
    String rule = canonicalName();
    try {
      AnalysisCache cache = AnalysisCache.instance(state.context);
      Analyzer.Result result = cache.analyze(path, state.context);
      for (Analyzer.Failure failure : result.failures()) {
        if (failure.rule().equals(rule)
            || (failure.rule().equals(Analyzer.FACTS) && cache.claimFactsFailure(tree))) {
          note(path, state, failure.message());
        }
      }
      for (Finding finding : result.findings()) {
        if (finding.rule().equals(rule) && finding.path() != null) {
          Description.Builder description =
              buildDescription(finding.path().getLeaf()).setMessage(finding.message());
          SuggestedFix fix = cache.fix(finding);
          if (fix != null) {
            description.addFix(fix);
          }
          state.reportMatch(description.build());
        }
      }
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      // Error Prone turns an exception from a matcher into a failed compilation; the plain plugin
      // promises never to break a build, and so does this path.
      note(path, state, new Analyzer.Failure(rule, tree.getSimpleName().toString(), e).message());
    }
    return Description.NO_MATCH;
  }

  private static void note(TreePath path, VisitorState state, String message) {
    try {
      JavacTrees.instance(state.context)
          .printMessage(Diagnostic.Kind.NOTE, message, path.getLeaf(), path.getCompilationUnit());
    } catch (RuntimeException e) {
      System.err.println(message);
    }
  }
}
