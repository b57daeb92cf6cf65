import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles the same sources in one JVM, alternating without and with {@code -Xplugin:ClearGuard},
 * and reports the compiling thread's CPU time for each: other processes on a busy machine, GC and
 * JIT threads do not count, which makes the ratio far steadier than wall time.
 *
 * <pre>
 * java -Xmx3g benchmarks/plugin-overhead/InProcessOverhead.java &lt;plugin-jar&gt; &lt;rounds&gt; -- &lt;javac args&gt;
 * </pre>
 *
 * The first round of each variant is a warm-up and is not counted. Both variants get the same
 * arguments, including {@code -processorpath <plugin-jar>} and a fresh {@code -d} directory.
 */
public final class InProcessOverhead {
  public static void main(String[] args) throws Exception {
    String jar = args[0];
    int rounds = Integer.parseInt(args[1]);
    List<String> javacArgs = Arrays.asList(args).subList(3, args.length);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Double> ratios = new ArrayList<>();
    double baseTotal = 0;
    double pluginTotal = 0;
    for (int round = 0; round <= rounds; round++) {
      double[] cpu = new double[2];
      for (int variant = 0; variant < 2; variant++) {
        Path out = Files.createTempDirectory("ipo");
        List<String> all = new ArrayList<>(List.of("-processorpath", jar, "-d", out.toString()));
        if (variant == 1) {
          all.add("-Xplugin:ClearGuard");
        }
        all.addAll(javacArgs);
        long start = threads.getCurrentThreadCpuTime();
        int rc = javac.run(null, null, System.err, all.toArray(String[]::new));
        cpu[variant] = (threads.getCurrentThreadCpuTime() - start) / 1e9;
        if (rc != 0) {
          throw new IllegalStateException("javac failed: " + rc);
        }
        System.gc();
      }
      String label = round == 0 ? "warm-up" : "round " + round;
      System.out.printf(
          "%s: baseline %.2f s, plugin %.2f s, ratio %.3f%n",
          label, cpu[0], cpu[1], cpu[1] / cpu[0]);
      if (round > 0) {
        ratios.add(cpu[1] / cpu[0]);
        baseTotal += cpu[0];
        pluginTotal += cpu[1];
      }
    }
    ratios.sort(null);
    System.out.printf(
        "median ratio %.3f, total ratio %.3f over %d rounds (compiling thread CPU time)%n",
        ratios.get(ratios.size() / 2), pluginTotal / baseTotal, rounds);
  }
}
