import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Generates a Maven project of many realistic Java source files for timing clearguard:check
 * against mvn compile (see measure.sh next to this file and docs/performance.md).
 *
 * <p>Usage: {@code java maven-plugin/perf/GenerateProject.java <outDir> [files] [pluginVersion]}.
 *
 * <p>Each file is a ~60-line service class with concurrent and plain maps, generics, lambdas,
 * streams, a lock, and calls into two other generated classes, so javac attributes real work and
 * the rules see the same shapes they see in applications. One file in twenty holds an unsafe clear
 * (a finding); the rest hold the safe variants the rules must not report. The output is
 * deterministic for a given file count.
 */
public final class GenerateProject {
  private static final int PACKAGES = 40;

  public static void main(String[] args) throws IOException {
    if (args.length < 1) {
      System.err.println("usage: java GenerateProject.java <outDir> [files] [pluginVersion]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int files = args.length > 1 ? Integer.parseInt(args[1]) : 1200;
    String version = args.length > 2 ? args[2] : "0.1.0-SNAPSHOT";
    Random random = new Random(42);
    write(out.resolve("pom.xml"), pom(version));
    for (int i = 0; i < files; i++) {
      String pkg = "perf.p" + (i % PACKAGES);
      Path file =
          out.resolve("src/main/java")
              .resolve(pkg.replace('.', '/'))
              .resolve("Service" + i + ".java");
      write(file, service(i, files, pkg, random));
    }
    System.out.println("Generated " + files + " source files under " + out.toAbsolutePath());
  }

  private static String pom(String version) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>perf.clearguard</groupId>
          <artifactId>generated</artifactId>
          <version>1.0</version>
          <properties>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
            <maven.compiler.release>17</maven.compiler.release>
          </properties>
          <build>
            <plugins>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-resources-plugin</artifactId>
                <version>3.5.0</version>
              </plugin>
              <plugin>
                <groupId>org.apache.maven.plugins</groupId>
                <artifactId>maven-compiler-plugin</artifactId>
                <version>3.16.0</version>
              </plugin>
              <plugin>
                <groupId>dev.clearguard</groupId>
                <artifactId>clearguard-maven-plugin</artifactId>
                <version>%s</version>
              </plugin>
            </plugins>
          </build>
        </project>
        """
        .formatted(version);
  }

  private static String service(int i, int files, String pkg, Random random) {
    int a = random.nextInt(files);
    int b = random.nextInt(files);
    String depA = "perf.p" + (a % PACKAGES) + ".Service" + a;
    String depB = "perf.p" + (b % PACKAGES) + ".Service" + b;
    boolean unsafe = i % 20 == 7;
    String reset =
        unsafe
            ? """
                for (String key : cache.keySet()) {
                  cache.remove(key);
                }
            """
            : """
                cache.clear();
            """;
    return """
        package %1$s;

        import java.util.ArrayList;
        import java.util.HashMap;
        import java.util.List;
        import java.util.Map;
        import java.util.Optional;
        import java.util.concurrent.ConcurrentHashMap;
        import java.util.concurrent.atomic.AtomicLong;
        import java.util.concurrent.locks.ReentrantLock;
        import java.util.stream.Collectors;

        /** Generated service %2$d. */
        public class Service%2$d {
          private final Map<String, Long> cache = new ConcurrentHashMap<>();
          private final Map<String, List<String>> index = new HashMap<>();
          private final AtomicLong hits = new AtomicLong();
          private final ReentrantLock lock = new ReentrantLock();

          public long lookup(String key) {
            hits.incrementAndGet();
            return cache.computeIfAbsent(key, k -> (long) k.length() * %2$d);
          }

          public List<String> keysLongerThan(int length) {
            return cache.keySet().stream()
                .filter(k -> k.length() > length)
                .sorted()
                .collect(Collectors.toList());
          }

          public Optional<Long> max() {
            return cache.values().stream().max(Long::compare);
          }

          public void indexAll(List<String> words) {
            lock.lock();
            try {
              for (String word : words) {
                index.computeIfAbsent(word.substring(0, Math.min(2, word.length())), p -> new ArrayList<>())
                    .add(word);
              }
            } finally {
              lock.unlock();
            }
          }

          public void evictShort() {
            cache.keySet().removeIf(k -> k.length() < 3);
          }

          public void reset() {
        %3$s  }

          public long combined(%4$s other, %5$s third) {
            return hits.get() + other.hitCount() + third.hitCount();
          }

          public long hitCount() {
            return hits.get();
          }
        }
        """
        .formatted(pkg, i, reset, depA, depB);
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
