package dev.clearguard.checker.errorprone;

import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.CompilationTestHelper;
import dev.clearguard.testing.TestCompiler;
import org.junit.jupiter.api.Test;

final class IterateRemoveClearTest {
  private final CompilationTestHelper compilation =
      CompilationTestHelper.newInstance(IterateRemoveClear.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      BugCheckerRefactoringTestHelper.newInstance(IterateRemoveClear.class, getClass());

  @Test
  void negativeSuppressedByRuleNameOrClearGuardOnAnyEnclosingDeclaration() {
    compilation
        .addSourceLines(
            "Sessions.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Sessions {
              private final Map<String, String> sessions = new ConcurrentHashMap<>();
              @SuppressWarnings("IterateRemoveClear")
              void reset() {
                for (String k : sessions.keySet()) {
                  sessions.remove(k);
                }
              }
              @SuppressWarnings("ClearGuard")
              class Inner {
                void reset() {
                  sessions.keySet().removeIf(k -> true);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void negativeOnlySomeEntriesRemoved() {
    compilation
        .addSourceLines(
            "Sessions.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Sessions {
              private final Map<String, String> sessions = new ConcurrentHashMap<>();
              void expire() {
                for (String k : sessions.keySet()) {
                  if (k.isEmpty()) {
                    sessions.remove(k);
                  }
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveLoopAndCallWithTheRuleMessage() {
    compilation
        .addSourceLines(
            "Sessions.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Sessions {
              private final Map<String, String> sessions = new ConcurrentHashMap<>();
              void reset() {
                // BUG: Diagnostic contains: Removing the entries of `sessions` one at a time is not atomic
                for (String k : sessions.keySet()) {
                  sessions.remove(k);
                }
              }
              void resetAgain() {
                // BUG: Diagnostic contains: [IterateRemoveClear]
                sessions.keySet().removeIf(k -> true);
              }
            }
            """)
        .doTest();
  }

  @Test
  void positiveSuppressWarningsAllDoesNotSilenceIt() {
    // The javac plugin ignores "all" (it is javac's lint key, not ClearGuard's); so does the
    // adapter.
    compilation
        .addSourceLines(
            "Sessions.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            @SuppressWarnings("all")
            class Sessions {
              private final Map<String, String> sessions = new ConcurrentHashMap<>();
              void reset() {
                // BUG: Diagnostic contains: IterateRemoveClear
                sessions.keySet().removeIf(k -> true);
              }
            }
            """)
        .doTest();
  }

  @Test
  void fixMinimalClearReplacesTheLoopAndTheIterator() {
    refactoring
        .addInputLines(
            "Sessions.java",
            """
            import java.util.Iterator;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Sessions {
              private final Map<String, String> sessions = new ConcurrentHashMap<>();
              void reset() {
                for (String k : sessions.keySet()) {
                  sessions.remove(k);
                }
              }
              void resetIterator() {
                Iterator<String> it = sessions.keySet().iterator();
                while (it.hasNext()) {
                  it.next();
                  it.remove();
                }
              }
              void resetCall() {
                sessions.keySet().removeIf(k -> true);
              }
            }
            """)
        .addOutputLines(
            "Sessions.java",
            """
            import java.util.Iterator;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Sessions {
              private final Map<String, String> sessions = new ConcurrentHashMap<>();
              void reset() {
                sessions.clear();
              }
              void resetIterator() {
                sessions.clear();
              }
              void resetCall() {
                sessions.clear();
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fixSnapshotMapMigratesTheFieldWhenTheRuntimeIsOnTheClassPath() {
    refactoring
        .setArgs("-classpath", TestCompiler.classPathWithSnapshotMap())
        .addInputLines(
            "Sessions.java",
            """
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Sessions {
              private Map<String, String> sessions = new ConcurrentHashMap<>();
              String get(String k) {
                return sessions.get(k);
              }
              void reset() {
                for (String k : sessions.keySet()) {
                  sessions.remove(k);
                }
              }
              void drain() {
                for (Map.Entry<String, String> e : sessions.entrySet()) {
                  System.out.println(e);
                  sessions.remove(e.getKey());
                }
              }
            }
            """)
        .addOutputLines(
            "Sessions.java",
            """
            import dev.clearguard.runtime.SnapshotMap;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            class Sessions {
              private final SnapshotMap<String, String> sessions = new SnapshotMap<>();
              String get(String k) {
                return sessions.get(k);
              }
              void reset() {
                sessions.clear();
              }
              void drain() {
                for (Map.Entry<String, String> e : sessions.drain().entrySet()) {
                  System.out.println(e);
                }
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }
}
