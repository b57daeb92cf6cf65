package dev.clearguard.checker;

import dev.clearguard.rules.FieldRewrite;
import dev.clearguard.rules.Finding;
import dev.clearguard.rules.FixPlan;
import java.util.List;

/**
 * The findings of a compilation as JSON. Hand-written so that the plugin jar carries no JSON
 * library; the format is documented in docs/guide.md.
 */
public final class JsonReport {
  public static final int FORMAT_VERSION = 2;

  private JsonReport() {}

  public static String render(List<Finding> findings) {
    StringBuilder out = new StringBuilder();
    out.append("{\n  \"tool\": \"ClearGuard\",\n  \"formatVersion\": ")
        .append(FORMAT_VERSION)
        .append(",\n  \"findings\": [");
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      out.append(i == 0 ? "\n" : ",\n");
      out.append("    {\"rule\": ").append(string(f.rule()));
      out.append(", \"file\": ").append(string(f.file()));
      out.append(", \"line\": ").append(f.line());
      out.append(", \"column\": ").append(f.column());
      out.append(", \"message\": ").append(string(f.message()));
      out.append(",\n     \"fix\": ").append(plan(f.fixPlan())).append('}');
    }
    out.append(findings.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
    return out.toString();
  }

  private static String plan(FixPlan plan) {
    StringBuilder out =
        new StringBuilder("{\"shape\": ")
            .append(plan.shape() == null ? "null" : string(plan.shape().name()));
    out.append(", \"strategies\": [");
    for (int i = 0; i < plan.strategies().size(); i++) {
      out.append(i == 0 ? "" : ", ").append(string(plan.strategies().get(i).name()));
    }
    out.append("], \"map\": ").append(string(plan.mapExpression()));
    FixPlan.FieldRef field = plan.field();
    if (field == null) {
      out.append(", \"field\": null");
    } else {
      out.append(", \"field\": {\"owner\": ").append(string(field.owner()));
      out.append(", \"name\": ").append(string(field.name()));
      out.append(", \"declaredType\": ").append(string(field.declaredType()));
      out.append(", \"visibility\": ").append(string(field.visibility()));
      out.append(", \"line\": ").append(field.declaration().line()).append('}');
    }
    out.append(", \"target\": ").append(position(plan.target()));
    out.append(", \"related\": [");
    for (int i = 0; i < plan.related().size(); i++) {
      out.append(i == 0 ? "" : ", ").append(position(plan.related().get(i)));
    }
    out.append("], \"rewrite\": ").append(rewrite(plan.rewrite()));
    out.append(", \"whyManual\": ")
        .append(plan.whyManual() == null ? "null" : string(plan.whyManual()));
    out.append(", \"manualRecipe\": ").append(string(plan.manualRecipe())).append('}');
    return out.toString();
  }

  /** javac's answers about the field: the verdicts, and where its references and writes start. */
  private static String rewrite(FieldRewrite rewrite) {
    if (rewrite == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder("{\"snapshotMap\": ");
    out.append(verdict(rewrite.snapshotMap()));
    out.append(", \"volatilePublish\": ").append(verdict(rewrite.volatilePublish()));
    out.append(", \"declaration\": ").append(rewrite.declaration());
    out.append(", \"references\": [");
    for (int i = 0; i < rewrite.references().size(); i++) {
      out.append(i == 0 ? "" : ", ").append(rewrite.references().get(i));
    }
    out.append("], \"assignments\": [");
    for (int i = 0; i < rewrite.assignments().size(); i++) {
      FieldRewrite.Assignment a = rewrite.assignments().get(i);
      out.append(i == 0 ? "" : ", ").append("{\"offset\": ").append(a.start());
      out.append(", \"value\": ").append(string(a.value().kind().name())).append('}');
    }
    return out.append("]}").toString();
  }

  private static String verdict(FieldRewrite.Verdict verdict) {
    return verdict.safe()
        ? "{\"safe\": true}"
        : "{\"safe\": false, \"reason\": " + string(verdict.reason()) + "}";
  }

  private static String position(FixPlan.Position p) {
    return "{\"line\": " + p.line() + ", \"column\": " + p.column() + "}";
  }

  static String string(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
