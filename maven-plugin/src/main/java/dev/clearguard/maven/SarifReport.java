package dev.clearguard.maven;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clearguard.rules.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A module's findings as SARIF 2.1.0, shaped for code scanning services: locations relative to the
 * repository root (through the {@code SRCROOT} base), rule metadata with help and documentation
 * links, a baseline fingerprint per result, and the fixer's rewrite as a SARIF fix.
 */
final class SarifReport {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String SRCROOT = "SRCROOT";
  static final String FINGERPRINT = "clearguardBaseline/v1";
  static final String INFORMATION_URI = "https://github.com/clearguard/clearguard";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SarifReport() {}

  static String render(Report report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();

    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "ClearGuard");
    driver.put("version", report.toolVersion());
    driver.put("informationUri", INFORMATION_URI);
    Map<String, Integer> ruleIndex = new HashMap<>();
    ArrayNode rules = driver.putArray("rules");
    for (Rule rule : report.rules()) {
      ruleIndex.put(rule.name(), rules.size());
      rules.add(ruleDescriptor(rule));
    }

    // One category per module: code scanning keeps each module's alerts apart in one upload.
    run.putObject("automationDetails").put("id", "clearguard/" + report.module() + "/");
    String rootUri = report.repositoryRoot().toUri().toString();
    run.putObject("originalUriBaseIds")
        .putObject(SRCROOT)
        .put("uri", rootUri.endsWith("/") ? rootUri : rootUri + "/");
    run.put("columnKind", "utf16CodeUnits");

    ArrayNode results = run.putArray("results");
    for (Reported r : report.findings()) {
      results.add(result(r, ruleIndex, report.baselineFile() != null));
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode ruleDescriptor(Rule rule) {
    ObjectNode descriptor = JSON.createObjectNode();
    descriptor.put("id", rule.name());
    descriptor.put("name", rule.name());
    descriptor.putObject("shortDescription").put("text", rule.summary());
    descriptor.putObject("fullDescription").put("text", rule.summary());
    String url = rule.docsUrl();
    ObjectNode help = descriptor.putObject("help");
    help.put("text", rule.summary() + ". Documentation: " + url);
    String page = docPage(rule.name());
    help.put(
        "markdown",
        page != null
            ? page
            : "**" + rule.summary() + "**\n\nSee [" + rule.name() + "](" + url + ").");
    descriptor.put("helpUri", url);
    descriptor.putObject("defaultConfiguration").put("level", Level.of(rule.name()).sarif());
    ObjectNode properties = descriptor.putObject("properties");
    ArrayNode tags = properties.putArray("tags");
    for (String tag : rule.tags()) {
      tags.add(tag.toLowerCase(Locale.ROOT));
    }
    tags.add("correctness"); // every ClearGuard finding is a bug, not a matter of style
    properties.put("precision", "high");
    return descriptor;
  }

  /** The rule's documentation page as bundled into the plugin jar at build time, or null. */
  static String docPage(String rule) {
    try (InputStream in =
        SarifReport.class.getResourceAsStream("/clearguard/rules/" + rule + ".md")) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode result(Reported r, Map<String, Integer> ruleIndex, boolean baseline) {
    ObjectNode result = JSON.createObjectNode();
    result.put("ruleId", r.rule());
    Integer index = ruleIndex.get(r.rule());
    if (index != null) {
      result.put("ruleIndex", index);
    }
    result.put("level", r.level().sarif());
    result.putObject("message").put("text", r.finding().message());
    ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
    artifact(physical.putObject("artifactLocation"), r.uri());
    ObjectNode region = physical.putObject("region");
    region.put("startLine", Math.max(1, r.finding().line()));
    region.put("startColumn", Math.max(1, r.finding().column()));
    result.putObject("partialFingerprints").put(FINGERPRINT, r.fingerprint());
    if (baseline) {
      result.put("baselineState", r.baselined() ? "unchanged" : "new");
    }
    if (r.baselined()) {
      result
          .putArray("suppressions")
          .addObject()
          .put("kind", "external")
          .put("status", "accepted")
          .put("justification", "Accepted in the ClearGuard baseline");
    }
    if (r.fix() != null) {
      result.set("fixes", fixes(r));
    }
    ObjectNode properties = result.putObject("properties");
    properties.put("member", r.member());
    properties.put("manualFix", r.finding().fixPlan().manualRecipe());
    return result;
  }

  private static ArrayNode fixes(Reported r) {
    ArrayNode fixes = JSON.createArrayNode();
    ObjectNode fix = fixes.addObject();
    fix.putObject("description").put("text", r.fix().description());
    ObjectNode change = fix.putArray("artifactChanges").addObject();
    artifact(change.putObject("artifactLocation"), r.uri());
    ArrayNode replacements = change.putArray("replacements");
    for (FixSuggestion.Replacement edit : r.fix().edits()) {
      ObjectNode replacement = replacements.addObject();
      ObjectNode deleted = replacement.putObject("deletedRegion");
      deleted.put("startLine", edit.startLine());
      deleted.put("startColumn", edit.startColumn());
      deleted.put("endLine", edit.endLine());
      deleted.put("endColumn", edit.endColumn());
      deleted.put("charOffset", edit.offset());
      deleted.put("charLength", edit.length());
      replacement.putObject("insertedContent").put("text", edit.replacement());
    }
    return fixes;
  }

  private static void artifact(ObjectNode location, String uri) {
    location.put("uri", uriReference(uri));
    location.put("uriBaseId", SRCROOT);
  }

  /** A relative path as a URI reference: spaces and other specials percent-encoded. */
  static String uriReference(String relativePath) {
    try {
      return new URI(null, null, relativePath, null).getRawPath();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a usable path: " + relativePath, e);
    }
  }
}
