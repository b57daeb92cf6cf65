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
 * module that is does not matter. One instance lives in the session's data per goal.
 */
final class ReactorSummary {
  private static final String KEY = ReactorSummary.class.getName() + ":";

  private final int expected;
  private final List<String> failing = new ArrayList<>();
  private int modules;
  private int findings;
  private int baselined;
  private int files;

  private ReactorSummary(int expected) {
    this.expected = expected;
  }

  /** The session's summary for this goal, or null when it cannot be shared (then: no line). */
  static ReactorSummary of(MavenSession session, MojoExecution execution) {
    RepositorySystemSession repoSession = session.getRepositorySession();
    if (repoSession == null || execution == null) {
      return null;
    }
    org.eclipse.aether.SessionData data = repoSession.getData();
    String key = KEY + execution.getGoal();
    for (int attempt = 0; attempt < 100; attempt++) {
      Object existing = data.get(key);
      if (existing instanceof ReactorSummary summary) {
        return summary;
      }
      if (existing != null) {
        // Another class realm's instance (plugin dependencies differ per module): do without.
        return null;
      }
      ReactorSummary created = new ReactorSummary(expectedRuns(session, execution));
      if (data.set(key, null, created)) {
        return created;
      }
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
    String[] parts = (at < 0 ? requested : requested.substring(0, at)).split(":");
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
  synchronized String register(
      String module, int moduleFindings, int moduleBaselined, int moduleFiles, boolean fails) {
    modules++;
    findings += moduleFindings;
    baselined += moduleBaselined;
    files += moduleFiles;
    if (fails) {
      failing.add(module);
    }
    if (modules != expected || expected < 2) {
      return null;
    }
    StringBuilder line = new StringBuilder("ClearGuard reactor: ");
    line.append(findings).append(findings == 1 ? " finding" : " findings");
    if (baselined > 0) {
      line.append(" (+").append(baselined).append(" baselined)");
    }
    line.append(" in ").append(modules).append(" modules, ").append(files).append(" files");
    line.append(
        failing.isEmpty() ? "; no module fails" : "; failing: " + String.join(", ", failing));
    return line.toString();
  }
}
