import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares ClearGuard's JSON reports on the corpus with the reviewed labels.
 *
 * <pre>
 * java corpus/Compare.java [--labels corpus/labels.tsv] [--findings corpus/target/findings]
 *                          [--project NAME]... [--check]
 * </pre>
 *
 * Reads {@code <findings>/<project>/<module>.json} (the plugin's {@code json=} report) and the
 * labels file (columns {@code project module rule file line label reason}; label TP, FP, DEB or
 * MISS). A finding and a label match when project, module, rule, file and line are equal. Prints,
 * per project and per rule, the findings, TP, FP, DEB, unlabelled and precision TP/(TP+FP); the
 * overall precision; the labelled TPs no longer found; the MISS rows that are now found; and every
 * unlabelled finding. With {@code --check} the exit code is 1 when a finding is unlabelled, when
 * precision is below 90% overall or for a rule with at least 10 findings, or when fewer than 90%
 * of the labelled TPs are found. Java 17, no dependencies.
 */
public final class Compare {

  record Finding(String project, String module, String rule, String file, int line, int column,
      String message) {
    String key() {
      return String.join("\t", project, module, rule, file, Integer.toString(line));
    }
  }

  record Label(String project, String module, String rule, String file, int line, String label,
      String reason) {
    String key() {
      return String.join("\t", project, module, rule, file, Integer.toString(line));
    }
  }

  /** Counts of one table row. */
  static final class Counts {
    int findings, tp, fp, deb, unlabelled;

    void add(Counts o) {
      findings += o.findings; tp += o.tp; fp += o.fp; deb += o.deb; unlabelled += o.unlabelled;
    }

    String precision() {
      return tp + fp == 0 ? "-" : String.format("%.1f%%", 100.0 * tp / (tp + fp));
    }

    double precisionValue() {
      return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }
  }

  public static void main(String[] args) throws IOException {
    Path labelsFile = Path.of("corpus/labels.tsv");
    Path findingsDir = Path.of("corpus/target/findings");
    Set<String> projects = new LinkedHashSet<>();
    boolean check = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--labels" -> labelsFile = Path.of(value(args, ++i));
        case "--findings" -> findingsDir = Path.of(value(args, ++i));
        case "--project" -> projects.add(value(args, ++i));
        case "--check" -> check = true;
        case "-h", "--help" -> {
          System.out.println("usage: java corpus/Compare.java [--labels FILE] [--findings DIR]"
              + " [--project NAME]... [--check]");
          return;
        }
        default -> {
          System.err.println("Compare: unknown argument " + args[i]);
          System.exit(2);
        }
      }
    }

    List<Label> labels = readLabels(labelsFile);
    Set<String> modulesRun = new TreeSet<>();
    List<Finding> findings = readFindings(findingsDir, modulesRun);
    if (projects.isEmpty()) {
      for (Finding f : findings) projects.add(f.project());
      for (Label l : labels) projects.add(l.project());
      for (String m : modulesRun) projects.add(m.substring(0, m.indexOf('/')));
    }
    final Set<String> selected = projects;
    findings.removeIf(f -> !selected.contains(f.project()));
    labels.removeIf(l -> !selected.contains(l.project()));
    modulesRun.removeIf(m -> !selected.contains(m.substring(0, m.indexOf('/'))));

    Map<String, Label> byKey = new LinkedHashMap<>();
    for (Label l : labels) {
      Label old = byKey.put(l.key(), l);
      if (old != null) {
        System.err.println("Compare: duplicate label for " + l.key().replace('\t', ' '));
        System.exit(2);
      }
    }

    // project -> rule -> counts
    Map<String, Map<String, Counts>> table = new TreeMap<>();
    Map<String, Counts> byRule = new TreeMap<>();
    Set<String> foundKeys = new LinkedHashSet<>();
    List<Finding> unlabelled = new ArrayList<>();
    List<Label> missNowFound = new ArrayList<>();
    for (String p : selected) table.put(p, new TreeMap<>());
    for (Finding f : findings) {
      Counts c = table.get(f.project()).computeIfAbsent(f.rule(), r -> new Counts());
      Counts r = byRule.computeIfAbsent(f.rule(), x -> new Counts());
      c.findings++;
      r.findings++;
      foundKeys.add(f.key());
      Label l = byKey.get(f.key());
      String label = l == null ? null : l.label();
      if (label == null) {
        c.unlabelled++;
        r.unlabelled++;
        unlabelled.add(f);
      } else if (label.equals("TP") || label.equals("MISS")) {
        // A MISS that is now reported is a real race found: counted as TP, listed to relabel.
        c.tp++;
        r.tp++;
        if (label.equals("MISS") && !missNowFound.contains(l)) missNowFound.add(l);
      } else if (label.equals("FP")) {
        c.fp++;
        r.fp++;
      } else {
        c.deb++;
        r.deb++;
      }
    }

    System.out.println("ClearGuard on the corpus: " + findings.size() + " findings in "
        + modulesRun.size() + " modules of " + selected.size() + " projects");
    System.out.println();
    String fmt = "%-10s %-22s %8s %5s %5s %5s %11s %10s%n";
    System.out.printf(fmt, "project", "rule", "findings", "TP", "FP", "DEB", "unlabelled", "precision");
    Counts all = new Counts();
    for (var e : table.entrySet()) {
      Counts proj = new Counts();
      for (var r : e.getValue().entrySet()) {
        Counts c = r.getValue();
        System.out.printf(fmt, e.getKey(), r.getKey(), c.findings, c.tp, c.fp, c.deb,
            c.unlabelled, c.precision());
        proj.add(c);
      }
      System.out.printf(fmt, e.getKey(), "(all rules)", proj.findings, proj.tp, proj.fp, proj.deb,
          proj.unlabelled, proj.precision());
      all.add(proj);
    }
    for (var r : byRule.entrySet()) {
      Counts c = r.getValue();
      System.out.printf(fmt, "(all)", r.getKey(), c.findings, c.tp, c.fp, c.deb, c.unlabelled,
          c.precision());
    }
    System.out.printf(fmt, "(all)", "(all rules)", all.findings, all.tp, all.fp, all.deb,
        all.unlabelled, all.precision());
    System.out.println();
    System.out.println("Overall precision TP/(TP+FP): " + all.precision()
        + " (DEB and unlabelled findings not counted)");

    // Labelled rows whose finding is gone.
    List<Label> lostTp = new ArrayList<>();
    List<Label> goneOther = new ArrayList<>();
    List<Label> stillMissed = new ArrayList<>();
    int labelledTp = 0;
    for (Label l : labels) {
      boolean found = foundKeys.contains(l.key());
      switch (l.label()) {
        case "TP" -> {
          labelledTp++;
          if (!found) lostTp.add(l);
        }
        case "MISS" -> {
          if (!found) stillMissed.add(l);
        }
        default -> {
          if (!found) goneOther.add(l);
        }
      }
    }
    Set<String> labelledModules = new TreeSet<>();
    for (Label l : labels) labelledModules.add(l.project() + "/" + l.module());
    labelledModules.removeAll(modulesRun);

    System.out.println();
    System.out.println("Labelled TPs found: " + (labelledTp - lostTp.size()) + " of " + labelledTp);
    System.out.println("Labelled TPs no longer found: " + lostTp.size());
    for (Label l : lostTp) System.out.println("  " + describe(l));
    System.out.println("MISS rows now found (relabel them TP): " + missNowFound.size());
    for (Label l : missNowFound) System.out.println("  " + describe(l));
    System.out.println("MISS rows still not reported: " + stillMissed.size());
    for (Label l : stillMissed) System.out.println("  " + describe(l));
    System.out.println("Labelled FP/DEB no longer reported: " + goneOther.size());
    for (Label l : goneOther) System.out.println("  " + describe(l));
    if (!labelledModules.isEmpty()) {
      System.out.println("Labelled modules without a findings file (not run, or did not compile): "
          + String.join(", ", labelledModules));
    }

    System.out.println();
    System.out.println("Unlabelled findings: " + unlabelled.size());
    for (Finding f : unlabelled) {
      System.out.println("  " + f.project() + "\t" + f.module() + "\t" + f.rule() + "\t" + f.file()
          + ":" + f.line() + "\t" + firstSentence(f.message()));
    }

    if (check) {
      List<String> failures = new ArrayList<>();
      if (!unlabelled.isEmpty()) failures.add(unlabelled.size() + " unlabelled findings");
      if (all.precisionValue() < 0.9) failures.add("overall precision " + all.precision() + " < 90%");
      for (var r : byRule.entrySet()) {
        Counts c = r.getValue();
        if (c.findings >= 10 && c.precisionValue() < 0.9) {
          failures.add("precision of " + r.getKey() + " " + c.precision() + " < 90% ("
              + c.findings + " findings)");
        }
      }
      if (labelledTp > 0 && (labelledTp - lostTp.size()) < 0.9 * labelledTp) {
        failures.add("only " + (labelledTp - lostTp.size()) + " of " + labelledTp
            + " labelled TPs found (< 90%): see 'Labelled TPs no longer found'");
      }
      if (!labelledModules.isEmpty()) {
        failures.add("labelled modules without a findings file: " + String.join(", ", labelledModules));
      }
      System.out.println();
      if (failures.isEmpty()) {
        System.out.println("CHECK PASSED");
      } else {
        System.out.println("CHECK FAILED:");
        for (String s : failures) System.out.println("  " + s);
        System.exit(1);
      }
    }
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      System.err.println("Compare: " + args[i - 1] + " needs a value");
      System.exit(2);
    }
    return args[i];
  }

  private static String describe(Label l) {
    String reason = l.reason().length() > 110 ? l.reason().substring(0, 107) + "..." : l.reason();
    return l.project() + "\t" + l.module() + "\t" + l.rule() + "\t" + l.file() + ":" + l.line()
        + "\t" + l.label() + "\t" + reason;
  }

  /** The message up to its first sentence end (". " outside backticks). */
  static String firstSentence(String message) {
    boolean code = false;
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      if (c == '`') code = !code;
      if (!code && c == '.' && (i + 1 == message.length() || message.charAt(i + 1) == ' ')) {
        return message.substring(0, i + 1);
      }
    }
    return message;
  }

  // --- input -------------------------------------------------------------------------------------

  static List<Label> readLabels(Path file) throws IOException {
    List<Label> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int n = 0; n < lines.size(); n++) {
      String s = lines.get(n);
      if (s.isBlank() || s.startsWith("#") || (n == 0 && s.startsWith("project\t"))) continue;
      String[] c = s.split("\t", -1);
      if (c.length < 6) {
        throw new IllegalArgumentException(file + ":" + (n + 1) + ": expected 7 tab-separated columns");
      }
      String label = c[5].trim();
      if (!Set.of("TP", "FP", "DEB", "MISS").contains(label)) {
        throw new IllegalArgumentException(file + ":" + (n + 1) + ": label '" + label
            + "' is not TP, FP, DEB or MISS");
      }
      out.add(new Label(c[0].trim(), c[1].trim(), c[2].trim(), c[3].trim(),
          Integer.parseInt(c[4].trim()), label, c.length > 6 ? c[6].trim() : ""));
    }
    return out;
  }

  static List<Finding> readFindings(Path dir, Set<String> modulesRun) throws IOException {
    List<Finding> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) return out;
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir, 2)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    for (Path p : files) {
      if (p.getParent().equals(dir)) continue;
      String project = p.getParent().getFileName().toString();
      String name = p.getFileName().toString();
      String module = name.substring(0, name.length() - ".json".length());
      modulesRun.add(project + "/" + module);
      Object root = new Json(Files.readString(p, StandardCharsets.UTF_8)).parse();
      if (!(root instanceof Map<?, ?> m) || !"ClearGuard".equals(m.get("tool"))) {
        throw new IllegalArgumentException(p + ": not a ClearGuard report");
      }
      for (Object o : (List<?>) m.get("findings")) {
        Map<?, ?> f = (Map<?, ?>) o;
        out.add(new Finding(project, module, (String) f.get("rule"), normalise((String) f.get("file")),
            ((Number) f.get("line")).intValue(), ((Number) f.get("column")).intValue(),
            (String) f.get("message")));
      }
    }
    return out;
  }

  /** The path inside the sources jar, whatever directory javac was given the file from. */
  static String normalise(String file) {
    String f = file.replace('\\', '/');
    int src = f.lastIndexOf("/src/");
    if (f.startsWith("/") && src >= 0) f = f.substring(src + "/src/".length());
    while (f.startsWith("./")) f = f.substring(2);
    return f;
  }

  /** A tiny JSON parser: objects become maps, arrays lists, numbers Long or Double. */
  static final class Json {
    private final String s;
    private int i;

    Json(String s) {
      this.s = s;
    }

    Object parse() {
      Object v = value();
      ws();
      if (i != s.length()) throw error("trailing characters");
      return v;
    }

    private Object value() {
      ws();
      if (i >= s.length()) throw error("unexpected end");
      char c = s.charAt(i);
      switch (c) {
        case '{': {
          i++;
          Map<String, Object> m = new LinkedHashMap<>();
          ws();
          if (peek('}')) return m;
          do {
            ws();
            String k = string();
            ws();
            expect(':');
            m.put(k, value());
            ws();
          } while (peek(','));
          expect('}');
          return m;
        }
        case '[': {
          i++;
          List<Object> l = new ArrayList<>();
          ws();
          if (peek(']')) return l;
          do {
            l.add(value());
            ws();
          } while (peek(','));
          expect(']');
          return l;
        }
        case '"':
          return string();
        case 't':
          literal("true");
          return Boolean.TRUE;
        case 'f':
          literal("false");
          return Boolean.FALSE;
        case 'n':
          literal("null");
          return null;
        default:
          return number();
      }
    }

    private String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (true) {
        if (i >= s.length()) throw error("unterminated string");
        char c = s.charAt(i++);
        if (c == '"') return b.toString();
        if (c != '\\') {
          b.append(c);
          continue;
        }
        char e = s.charAt(i++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'u' -> {
            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
          }
          default -> b.append(e); // \" \\ \/
        }
      }
    }

    private Number number() {
      int start = i;
      while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
      String t = s.substring(start, i);
      if (t.isEmpty()) throw error("unexpected character '" + s.charAt(i) + "'");
      return t.matches("-?\\d+") ? (Number) Long.parseLong(t) : (Number) Double.parseDouble(t);
    }

    private void literal(String word) {
      if (!s.startsWith(word, i)) throw error("expected " + word);
      i += word.length();
    }

    private boolean peek(char c) {
      if (i < s.length() && s.charAt(i) == c) {
        i++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (!peek(c)) throw error("expected '" + c + "'");
    }

    private void ws() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }

    private IllegalArgumentException error(String what) {
      return new IllegalArgumentException("JSON: " + what + " at offset " + i);
    }
  }
}
