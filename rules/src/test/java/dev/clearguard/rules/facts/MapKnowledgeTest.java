package dev.clearguard.rules.facts;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskListener;
import dev.clearguard.testing.TestCompiler;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

final class MapKnowledgeTest {

  private static JavacTask analysedTask() throws Exception {
    JavacTask[] task = {null};
    TestCompiler.create()
        .options("-proc:none")
        .source("t/A.java", "package t; class A { java.util.Map<String, String> m; }")
        .listener(
            t -> {
              task[0] = t;
              return new TaskListener() {};
            })
        .analyze();
    return task[0];
  }

  @Test
  void oneInstancePerCompilation() throws Exception {
    JavacTask task = analysedTask();
    assertSame(
        MapKnowledge.of(task.getTypes(), task.getElements()),
        MapKnowledge.of(task.getTypes(), task.getElements()));
  }

  /**
   * The Maven plugin analyses module after module in one JVM: what ClearGuard keeps per compilation
   * must not keep the compiler (its trees and symbols) alive once the compilation is over.
   */
  @Test
  void doesNotKeepAFinishedCompilationAlive() throws Exception {
    WeakReference<Object> compilation = compileAndForget();
    for (int i = 0; i < 50 && compilation.get() != null; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertNull(compilation.get(), "the compilation's Elements are still reachable");
  }

  private static WeakReference<Object> compileAndForget() throws Exception {
    JavacTask task = analysedTask();
    MapKnowledge knowledge = MapKnowledge.of(task.getTypes(), task.getElements());
    knowledge.memo(String.class, k -> "vocabulary");
    return new WeakReference<>(task.getElements());
  }
}
