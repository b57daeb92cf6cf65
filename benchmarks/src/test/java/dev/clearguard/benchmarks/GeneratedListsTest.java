package dev.clearguard.benchmarks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jmh.annotations.Benchmark;

/**
 * Guards against the silent failure of both harnesses: when javac runs no annotation processor (the
 * JDK 23+ default for processors found on the class path), the jcstress and JMH jars build fine but
 * contain no tests, and running them "passes". The default build compiles both source trees into
 * target/classes; every stress test and benchmark class found there must be listed in the file its
 * processor generates.
 */
final class GeneratedListsTest {

  @Test
  void everyStressTestIsInTheJcstressTestList() throws Exception {
    List<Class<?>> tests = classesIn("dev/clearguard/benchmarks/stress");
    tests.removeIf(c -> !c.isAnnotationPresent(JCStressTest.class));
    assertFalse(tests.isEmpty(), "no @JCStressTest classes compiled");
    String list = resource("META-INF/TestList");
    for (Class<?> c : tests) {
      assertTrue(list.contains(c.getName()), c.getName() + " missing from META-INF/TestList");
    }
  }

  @Test
  void everyBenchmarkIsInTheJmhBenchmarkList() throws Exception {
    List<Class<?>> benchmarks = classesIn("dev/clearguard/benchmarks/jmh");
    benchmarks.removeIf(
        c -> Arrays.stream(c.getMethods()).noneMatch(m -> m.isAnnotationPresent(Benchmark.class)));
    assertFalse(benchmarks.isEmpty(), "no @Benchmark classes compiled");
    String list = resource("META-INF/BenchmarkList");
    for (Class<?> c : benchmarks) {
      for (Method m : c.getMethods()) {
        if (m.isAnnotationPresent(Benchmark.class)) {
          // JMH lists each benchmark by the class it generates for it.
          String generated =
              c.getPackageName() + ".jmh_generated." + c.getSimpleName() + "_" + m.getName();
          assertTrue(
              list.contains(generated + "_jmhTest"),
              c.getName() + "." + m.getName() + " missing from META-INF/BenchmarkList");
        }
      }
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = GeneratedListsTest.class.getClassLoader().getResourceAsStream(name)) {
      assertNotNull(in, name + " was not generated: did the annotation processor run?");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Top-level classes compiled into the directory of {@code packagePath}, excluding generated ones.
   */
  private static List<Class<?>> classesIn(String packagePath)
      throws IOException, URISyntaxException, ClassNotFoundException {
    Path dir =
        Paths.get(GeneratedListsTest.class.getClassLoader().getResource(packagePath).toURI());
    List<Class<?>> classes = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String file = f.getFileName().toString();
        if (file.endsWith(".class") && !file.contains("$") && !file.contains("_jcstress")) {
          String simple = file.substring(0, file.length() - ".class".length());
          classes.add(Class.forName(packagePath.replace('/', '.') + "." + simple));
        }
      }
    }
    return classes;
  }
}
