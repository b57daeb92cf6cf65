package dev.clearguard.checker.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class FormattingFixTest {
  @TempDir Path dir;

  @Test
  void negativeFileWithoutFindingsIsUntouched() {
    String source = "class A {\r\n\tint x;  \r\n}";
    FixResult result = Fixer.fix("A.java", source, List.of());
    assertSame(source, result.fixed());
    assertEquals("", result.diff());
  }

  @Test
  void negativeUnparsableFileIsReportedManual() {
    FixResult result = Fixer.fix("A.java", "class A { void f( }", List.of());
    assertEquals("class A { void f( }", result.fixed());
  }

  @Test
  void fixKeepsTabsCommentsAndOddSpacingAroundTheEdits() {
    FixTester.assertFix(
        dir,
        true,
        """
        package app;

        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;
        import static java.util.Objects.requireNonNull;

        class Odd {
        \t/** Live sessions. */
        \t@SuppressWarnings("unused") private /* keep me */ volatile   Map<String,
        \t    String> sessions=new ConcurrentHashMap<String, String>(16);  // trailing

        \tvoid reset() {
        \t\tint before = sessions.size(); // counted first
        \t\tfor (String id : sessions.keySet())   {   sessions.remove(id);   }  // gone
        \t\trequireNonNull(before);
        \t}
        }
        """,
        """
        package app;

        import dev.clearguard.runtime.SnapshotMap;
        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;
        import static java.util.Objects.requireNonNull;

        class Odd {
        \t/** Live sessions. */
        \t@SuppressWarnings("unused") private final /* keep me */ SnapshotMap<String,
        \t    String> sessions=new SnapshotMap<>(16);  // trailing

        \tvoid reset() {
        \t\tint before = sessions.size(); // counted first
        \t\tsessions.clear();  // gone
        \t\trequireNonNull(before);
        \t}
        }
        """);
  }

  @Test
  void fixKeepsWindowsLineEndsAndIndentsInsertedStatements() {
    String before =
        """
        package app;

        import java.util.List;
        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;

        class Catalog {
            private final Map<String, Integer> prices = new ConcurrentHashMap<>();

            void reload(List<String> names) {
                prices.clear();
                for (String name : names) { prices.put(name, name.length()); } // cheap
            }
        }
        """
            .replace("\n", "\r\n");
    String after =
        """
        package app;

        import java.util.List;
        import java.util.Map;
        import java.util.concurrent.ConcurrentHashMap;

        class Catalog {
            private volatile Map<String, Integer> prices = new ConcurrentHashMap<>();

            void reload(List<String> names) {
                Map<String, Integer> freshPrices = new ConcurrentHashMap<>();
                for (String name : names) { freshPrices.put(name, name.length()); } // cheap
                prices = freshPrices;
            }
        }
        """
            .replace("\n", "\r\n");
    FixTester.assertFix(dir, false, before, after);
  }

  @Test
  void fixUsesQualifiedNamesWhenASimpleNameIsTaken() {
    FixTester.assertFix(
        dir,
        true,
        """
        package app;

        import java.util.Properties;
        import java.util.concurrent.ConcurrentHashMap;

        class Settings {
          static class HashMap {}

          private final java.util.Map<String, String> settings = new ConcurrentHashMap<>();

          void reloadFrom(Properties props) {
            settings.clear();
            for (String name : props.stringPropertyNames()) {
              settings.put(name, props.getProperty(name));
            }
          }
        }
        """,
        """
        package app;

        import dev.clearguard.runtime.SnapshotMap;
        import java.util.Map;
        import java.util.Properties;
        import java.util.concurrent.ConcurrentHashMap;

        class Settings {
          static class HashMap {}

          private final SnapshotMap<String, String> settings = new SnapshotMap<>();

          void reloadFrom(Properties props) {
            Map<String, String> freshSettings = new java.util.HashMap<>();
            for (String name : props.stringPropertyNames()) {
              freshSettings.put(name, props.getProperty(name));
            }
            settings.swap(freshSettings);
          }
        }
        """);
  }
}
