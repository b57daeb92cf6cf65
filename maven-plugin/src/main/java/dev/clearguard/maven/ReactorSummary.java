package dev.clearguard.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystemSession;

/**
 * Adds up one goal's results over the reactor, so that the run of the last module can print the
 * reactor's summary line. Modules may build in parallel ({@code -T}), so a module registers its
 * result under a lock and the registration that completes the expected count prints the line; which
 * module that is does not matter.
 *
 * <p>The running totals live in the session's data as JDK types only (a {@code long[]} and a list
 * of strings, locked on the array), never as an instance of this class: a module with build
 * extensions ({@code <extensions>true</extensions>}) gets its own class realm and so its own copy
 * of this plugin's classes, whose instances the other modules' copy could not read.
 */
final class ReactorSummary {
  private static final String KEY = "dev.clearguard.maven.reactor-summary:";

  // Indexes into the shared totals.
  private static final int EXPECTED = 0;
  private static final int MODULES = 1;
  private static final int FINDINGS = 2;
  private static final int BASELINED = 3;
  private static final int FILES = 4;

  /** The shared totals; every read and write holds its monitor. */
  private final long[] totals;

  /** The names of the modules that fail, guarded by {@link #totals}' monitor. */
  private final List<String> failing;

  private ReactorSummary(long[] totals, List<String> failing) {
    this.totals = totals;
    this.failing = failing;
  }

  /** The session's summary for this goal, or null when the session keeps no data. */
  static ReactorSummary of(MavenSession session, MojoExecution execution) {
    RepositorySystemSession repoSession = session.getRepositorySession();
    if (repoSession == null || execution == null) {
      return null;
    }
    return of(repoSession.getData(), execution.getGoal(), () -> expectedRuns(session, execution));
  }

  /** The summary kept in {@code data} for {@code goal}, created with the expected module count. */
  static ReactorSummary of(
      org.eclipse.aether.SessionData data, String goal, java.util.function.IntSupplier expected) {
    String key = KEY + goal;
    for (int attempt = 0; attempt < 100; attempt++) {
      Object existing = data.get(key);
      if (existing instanceof Object[] shared
          && shared.length == 2
          && shared[0] instanceof long[] totals
          && totals.length == 5
          && shared[1] instanceof List<?> names) {
        @SuppressWarnings("unchecked") // only this class (in any realm) stores under the key
        List<String> failing = (List<String>) names;
        return new ReactorSummary(totals, failing);
      }
      if (existing != null) {
        return null; // not ours: another version of the plugin in the same build
      }
      long[] totals = new long[5];
      totals[EXPECTED] = expected.getAsInt();
      // Whether this module stored it or another module was first, read it back like any other.
      data.set(key, null, new Object[] {totals, new ArrayList<String>()});
    }
    return null;
  }

  /**
   * How many modules will run the goal: all of them when the command line names it ({@code mvn
   * clearguard:check}), else those whose build binds it in an execution.
   */
  static int expectedRuns(MavenSession session, MojoExecution execution) {
    String goal = execution.getGoal();
    PluginDescriptor plugin = execution.getMojoDescriptor().getPluginDescriptor();
    for (String requested : session.getGoals()) {
      if (names(requested, goal, plugin)) {
        return session.getProjects().size();
      }
    }
    int count = 0;
    for (MavenProject project : session.getProjects()) {
      Plugin declared = project.getPlugin(plugin.getPluginLookupKey());
      if (declared != null
          && declared.getExecutions().stream().anyMatch(e -> e.getGoals().contains(goal))) {
        count++;
      }
    }
    return count;
  }

  private static boolean names(String requested, String goal, PluginDescriptor plugin) {
    int at = requested.indexOf('@');
    String[] parts = (at < 0 ? requested : requested.substring(0, at)).split(":", -1);
    if (parts.length < 2 || !parts[parts.length - 1].equals(goal)) {
      return false;
    }
    return parts.length == 2
        ? parts[0].equals(plugin.getGoalPrefix())
        : parts[0].equals(plugin.getGroupId()) && parts[1].equals(plugin.getArtifactId());
  }

  /**
   * Records one module's result; returns the reactor line when this was the last expected module of
   * a multi-module build, else null.
   */
  String register(
      String module, int moduleFindings, int moduleBaselined, int moduleFiles, boolean fails) {
    synchronized (totals) {
      totals[MODULES]++;
      totals[FINDINGS] += moduleFindings;
      totals[BASELINED] += moduleBaselined;
      totals[FILES] += moduleFiles;
      if (fails) {
        failing.add(module);
      }
      long modules = totals[MODULES];
      long expected = totals[EXPECTED];
      if (modules != expected || expected < 2) {
        return null;
      }
      long findings = totals[FINDINGS];
      StringBuilder line = new StringBuilder("ClearGuard reactor: ");
      line.append(findings).append(findings == 1 ? " finding" : " findings");
      if (totals[BASELINED] > 0) {
        line.append(" (+").append(totals[BASELINED]).append(" baselined)");
      }
      line.append(" in ").append(modules).append(" modules, ").append(totals[FILES]);
      line.append(" files");
      line.append(
          failing.isEmpty() ? "; no module fails" : "; failing: " + String.join(", ", failing));
      return line.toString();
    }
  }
}
