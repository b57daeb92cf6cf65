package dev.clearguard.maven;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The accepted findings of a legacy code base ({@code clearguard-baseline.json}), counted by
 * identity. An identity is rule + file + enclosing member + normalised statement text, never a line
 * number, so moving code around it does not turn old findings into new ones. Two identical findings
 * in one member are two counts of one entry: a third one is new.
 */
final class Baseline {
  static final int FORMAT_VERSION = 1;
  static final String DEFAULT_FILE_NAME = "clearguard-baseline.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** A finding's identity; {@code file} is relative to the repository root. */
  record Key(String rule, String file, String member, String statement) {}

  private static final Comparator<Key> ORDER =
      Comparator.comparing(Key::file)
          .thenComparing(Key::member)
          .thenComparing(Key::rule)
          .thenComparing(Key::statement);

  private final Map<Key, Integer> counts;

  private Baseline(Map<Key, Integer> counts) {
    this.counts = counts;
  }

  static Baseline empty() {
    return new Baseline(new LinkedHashMap<>());
  }

  static Baseline of(List<Reported> findings) {
    Map<Key, Integer> counts = new LinkedHashMap<>();
    for (Reported r : findings) {
      counts.merge(r.key(), 1, Integer::sum);
    }
    return new Baseline(counts);
  }

  int size() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }

  Map<Key, Integer> counts() {
    return Map.copyOf(counts);
  }

  /**
   * Marks each finding the baseline accepts, consuming one count per finding in the given order, so
   * when a member now holds more identical findings than accepted, the later ones are new.
   */
  List<Reported> apply(List<Reported> findings) {
    Map<Key, Integer> left = new HashMap<>(counts);
    List<Reported> out = new ArrayList<>(findings.size());
    for (Reported r : findings) {
      Integer remaining = left.get(r.key());
      boolean accepted = remaining != null && remaining > 0;
      if (accepted) {
        left.put(r.key(), remaining - 1);
      }
      out.add(r.withBaselined(accepted));
    }
    return out;
  }

  /** This baseline with the entries {@code replaced} selects swapped for the other's. */
  Baseline replacing(Predicate<Key> replaced, Baseline other) {
    Map<Key, Integer> merged = new LinkedHashMap<>();
    counts.forEach(
        (key, count) -> {
          if (!replaced.test(key)) {
            merged.put(key, count);
          }
        });
    other.counts.forEach((key, count) -> merged.merge(key, count, Integer::sum));
    return new Baseline(merged);
  }

  String render() {
    ObjectNode root = JSON.createObjectNode();
    root.put("tool", "ClearGuard");
    root.put("formatVersion", FORMAT_VERSION);
    root.put(
        "comment",
        "Accepted ClearGuard findings; `mvn clearguard:check` fails only on findings not listed"
            + " here. Regenerate with `mvn clearguard:baseline`.");
    ArrayNode entries = root.putArray("findings");
    counts.keySet().stream()
        .sorted(ORDER)
        .forEach(
            key -> {
              ObjectNode entry = entries.addObject();
              entry.put("rule", key.rule());
              entry.put("file", key.file());
              entry.put("member", key.member());
              entry.put("statement", key.statement());
              entry.put("count", counts.get(key));
            });
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a baseline; any problem becomes a {@link MalformedException} naming file and cause. */
  static Baseline read(Path file) throws MalformedException, IOException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
      throw new MalformedException(file, "not valid JSON: " + where + e.getOriginalMessage());
    } catch (java.nio.charset.MalformedInputException e) {
      throw new MalformedException(file, "not UTF-8 text");
    }
    if (root == null || !root.isObject()) {
      throw new MalformedException(file, "the top level must be a JSON object");
    }
    JsonNode version = root.get("formatVersion");
    if (version == null || !version.isInt() || version.intValue() != FORMAT_VERSION) {
      throw new MalformedException(
          file, "\"formatVersion\" must be " + FORMAT_VERSION + " but is " + version);
    }
    JsonNode findings = root.get("findings");
    if (findings == null || !findings.isArray()) {
      throw new MalformedException(file, "\"findings\" must be an array");
    }
    Map<Key, Integer> counts = new LinkedHashMap<>();
    for (int i = 0; i < findings.size(); i++) {
      JsonNode entry = findings.get(i);
      String where = "findings[" + i + "]";
      if (!entry.isObject()) {
        throw new MalformedException(file, where + " must be an object");
      }
      Key key =
          new Key(
              text(file, entry, where, "rule"),
              text(file, entry, where, "file"),
              text(file, entry, where, "member"),
              text(file, entry, where, "statement"));
      JsonNode count = entry.get("count");
      if (count == null
          || !count.canConvertToInt()
          || !count.isIntegralNumber()
          || count.intValue() < 1) {
        throw new MalformedException(
            file, where + ".count must be a positive whole number but is " + count);
      }
      counts.merge(key, count.intValue(), Integer::sum);
    }
    return new Baseline(counts);
  }

  private static String text(Path file, JsonNode entry, String where, String field)
      throws MalformedException {
    JsonNode value = entry.get(field);
    if (value == null || !value.isTextual()) {
      throw new MalformedException(file, where + "." + field + " must be a string but is " + value);
    }
    return value.textValue();
  }

  /** A baseline file that cannot be used; the message names the file and what is wrong. */
  static final class MalformedException extends Exception {
    private static final long serialVersionUID = 1L;

    MalformedException(Path file, String problem) {
      super("ClearGuard baseline " + file + " is malformed: " + problem);
    }
  }
}
