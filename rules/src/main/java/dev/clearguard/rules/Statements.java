package dev.clearguard.rules;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.lang.model.element.Element;

/** Control-flow questions about statements that the loop rules share. */
final class Statements {
  private Statements() {}

  /**
   * The statements of {@code body} that run on every pass: the body's own statements and those of
   * plain, {@code synchronized} and {@code try} blocks (and {@code finally}) inside it, but not of
   * branches, loops, catches or lambdas.
   */
  static List<StatementTree> unconditional(StatementTree body) {
    List<StatementTree> out = new ArrayList<>();
    collect(body, out);
    return out;
  }

  private static void collect(StatementTree statement, List<StatementTree> out) {
    if (statement instanceof BlockTree block) {
      block.getStatements().forEach(s -> collect(s, out));
    } else if (statement instanceof SynchronizedTree sync) {
      collect(sync.getBlock(), out);
    } else if (statement instanceof TryTree attempt) {
      collect(attempt.getBlock(), out);
      if (attempt.getFinallyBlock() != null) {
        collect(attempt.getFinallyBlock(), out);
      }
    } else if (statement instanceof LabeledStatementTree labeled) {
      collect(labeled.getStatement(), out);
    } else {
      out.add(statement);
    }
  }

  /** The call a statement consists of: {@code call(..);} or {@code T v = call(..);}, or null. */
  static MethodInvocationTree call(StatementTree statement) {
    ExpressionTree expression = null;
    if (statement instanceof ExpressionStatementTree e) {
      expression = e.getExpression();
    } else if (statement instanceof VariableTree v) {
      expression = v.getInitializer();
    }
    return expression == null
            || !(dev.clearguard.rules.facts.MapKnowledge.skipParens(expression)
                instanceof MethodInvocationTree call)
        ? null
        : call;
  }

  /**
   * Whether the loop body can leave the loop or skip the rest of a pass: a {@code break} or {@code
   * continue} aimed at this loop or beyond, or a {@code return}. Those in nested loops, switches,
   * lambdas and classes are their own business.
   */
  static boolean canEscape(StatementTree body) {
    boolean[] escapes = {false};
    new TreeScanner<Void, Integer>() {
      @Override
      public Void visitBreak(BreakTree tree, Integer nesting) {
        if (nesting == 0 || tree.getLabel() != null) {
          escapes[0] = true;
        }
        return null;
      }

      @Override
      public Void visitContinue(ContinueTree tree, Integer nesting) {
        if (nesting == 0 || tree.getLabel() != null) {
          escapes[0] = true;
        }
        return null;
      }

      @Override
      public Void visitReturn(ReturnTree tree, Integer nesting) {
        escapes[0] = true;
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree tree, Integer nesting) {
        return null;
      }

      @Override
      public Void visitClass(ClassTree tree, Integer nesting) {
        return null;
      }

      @Override
      public Void visitForLoop(ForLoopTree tree, Integer nesting) {
        return super.visitForLoop(tree, nesting + 1);
      }

      @Override
      public Void visitEnhancedForLoop(EnhancedForLoopTree tree, Integer nesting) {
        return super.visitEnhancedForLoop(tree, nesting + 1);
      }

      @Override
      public Void visitWhileLoop(WhileLoopTree tree, Integer nesting) {
        return super.visitWhileLoop(tree, nesting + 1);
      }

      @Override
      public Void visitDoWhileLoop(DoWhileLoopTree tree, Integer nesting) {
        return super.visitDoWhileLoop(tree, nesting + 1);
      }

      @Override
      public Void visitSwitch(SwitchTree tree, Integer nesting) {
        return super.visitSwitch(tree, nesting + 1);
      }
    }.scan(body, 0);
    return escapes[0];
  }

  /** Whether any tree inside {@code tree} (lambdas included, classes not) satisfies the test. */
  static boolean contains(Tree tree, Predicate<Tree> test) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree node, Void unused) {
        if (found[0] || node == null) {
          return null;
        }
        if (test.test(node)) {
          found[0] = true;
          return null;
        }
        return super.scan(node, null);
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null;
      }
    }.scan(tree, null);
    return found[0];
  }

  /** Whether {@code expression} is a plain name of {@code variable}. */
  static boolean names(ExpressionTree expression, Element variable, Resolver resolver) {
    ExpressionTree e = dev.clearguard.rules.facts.MapKnowledge.skipParens(expression);
    return e instanceof IdentifierTree && variable.equals(resolver.element(e));
  }

  /** Resolves names inside the tree being matched to their elements. */
  interface Resolver {
    Element element(ExpressionTree expression);
  }
}
