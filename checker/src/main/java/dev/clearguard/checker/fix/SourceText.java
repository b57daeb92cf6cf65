package dev.clearguard.checker.fix;

import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.clearguard.checker.LineMap;
import dev.clearguard.checker.fix.FixResult.Edit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A file's text and the edits planned on it. Edits are splices of the original text at node ranges,
 * so every character outside an edited statement or declaration stays as it was, comments and all.
 */
final class SourceText {
  final String text;
  final String eol;
  private final LineMap lines;

  /** Each accepted edit, with the findings (their indexes) that need it. */
  private final Map<Edit, Set<Integer>> edits = new LinkedHashMap<>();

  /** Each import to add, with the findings that need it. */
  private final Map<String, Set<Integer>> imports = new TreeMap<>();

  SourceText(String text) {
    this.text = text;
    this.lines = LineMap.of(text);
    this.eol = lines.lineSeparator();
  }

  /** The offset of a JavaParser position (1-based line and column; a tab is one column). */
  int offset(Position p) {
    return lines.offset(p.line, p.column);
  }

  int begin(Node node) {
    return node.getRange().map(r -> offset(r.begin)).orElse(-1);
  }

  /** The offset just after the node's last character. */
  int end(Node node) {
    return node.getRange().map(r -> offset(r.end) + 1).orElse(-1);
  }

  String of(Node node) {
    return text.substring(begin(node), end(node));
  }

  /** The whitespace before the first character of the line holding {@code offset}. */
  String indentation(int offset) {
    int lineStart = lineStart(offset);
    int i = lineStart;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return text.substring(lineStart, i);
  }

  int lineStart(int offset) {
    return lines.lineStart(lines.line(offset));
  }

  /** The offset after the line terminator ending the line that holds {@code offset}. */
  int nextLineStart(int offset) {
    int next = lines.offset(lines.line(offset) + 1, 1);
    return next < 0 ? text.length() : next;
  }

  /** Whether only blanks stand between the line's start and {@code offset}. */
  boolean startsLine(int offset) {
    return text.substring(lineStart(offset), offset).isBlank();
  }

  /** Whether only blanks or a line comment follow {@code offset} on its line. */
  boolean endsLine(int offset) {
    String rest = text.substring(offset, nextLineStart(offset)).strip();
    return rest.isEmpty() || rest.startsWith("//");
  }

  /** An edit removing a node; whole lines when it stands alone on them. */
  Edit deletion(Node node) {
    int start = begin(node);
    int end = end(node);
    if (startsLine(start) && text.substring(end, nextLineStart(end)).isBlank()) {
      return Edit.planned(lineStart(start), nextLineStart(end), "");
    }
    return Edit.planned(start, end, "");
  }

  /**
   * An edit inserting a statement after {@code node}: on a line of its own with the given
   * indentation when the node ends its line, else on the same line.
   */
  Edit insertionAfter(Node node, String indent, String statement) {
    int end = end(node);
    if (endsLine(end)) {
      int next = nextLineStart(end);
      boolean terminated =
          next > 0 && (text.charAt(next - 1) == '\n' || text.charAt(next - 1) == '\r');
      return Edit.planned(
          next, next, (terminated ? "" : eol) + indent + statement + (terminated ? eol : ""));
    }
    return Edit.planned(end, end, " " + statement);
  }

  /** Whether the edits can all be made together with those already accepted. */
  boolean fits(List<Edit> planned) {
    for (int i = 0; i < planned.size(); i++) {
      for (Edit accepted : edits.keySet()) {
        if (planned.get(i).overlaps(accepted) && !planned.get(i).equals(accepted)) {
          return false;
        }
      }
      for (int j = i + 1; j < planned.size(); j++) {
        if (planned.get(i).overlaps(planned.get(j))) {
          return false;
        }
      }
    }
    return true;
  }

  /** Accepts the edits and imports one fix needs, for the findings at {@code owners}. */
  void accept(List<Edit> planned, Set<String> neededImports, Set<Integer> owners) {
    for (Edit edit : planned) {
      edits.computeIfAbsent(edit, e -> new TreeSet<>()).addAll(owners);
    }
    for (String name : neededImports) {
      imports.computeIfAbsent(name, n -> new TreeSet<>()).addAll(owners);
    }
  }

  boolean hasEdits() {
    return !edits.isEmpty();
  }

  /**
   * Every accepted edit and the import insertions they need, in text order. Insertions at one
   * offset are joined into one edit serving all their findings: a patcher that takes the findings'
   * fixes one by one (Error Prone's) drops an insertion only when it is identical to one it already
   * has, so the fixes of any two findings must agree on what goes at each offset.
   */
  List<FixResult.Edit> edits(CompilationUnit unit) {
    List<FixResult.Edit> all = new ArrayList<>();
    edits.forEach(
        (e, owners) ->
            all.add(new FixResult.Edit(e.start(), e.end(), e.replacement(), list(owners))));
    all.addAll(importEdits(unit));
    all.sort(Comparator.comparingInt(FixResult.Edit::start).thenComparingInt(FixResult.Edit::end));
    List<FixResult.Edit> out = new ArrayList<>();
    for (FixResult.Edit edit : all) {
      FixResult.Edit last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null
          && last.isInsertion()
          && edit.isInsertion()
          && last.start() == edit.start()) {
        Set<Integer> owners = new TreeSet<>(last.findings());
        owners.addAll(edit.findings());
        out.set(
            out.size() - 1,
            new FixResult.Edit(
                edit.start(), edit.end(), last.replacement() + edit.replacement(), list(owners)));
      } else {
        out.add(edit);
      }
    }
    return out;
  }

  private static List<Integer> list(Set<Integer> owners) {
    return List.copyOf(new TreeSet<>(owners));
  }

  /**
   * How code added to this file names {@code qualifiedName}: its simple name, imported if need be,
   * or the qualified name when the simple name means something else here.
   */
  static String typeName(CompilationUnit unit, String qualifiedName, Set<String> needed) {
    String simple = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    String pkg = qualifiedName.substring(0, qualifiedName.lastIndexOf('.'));
    boolean wildcard = false;
    for (ImportDeclaration i : unit.getImports()) {
      if (i.isStatic()) {
        continue;
      }
      String name = i.getNameAsString();
      if (i.isAsterisk()) {
        wildcard |= name.equals(pkg);
      } else if (name.equals(qualifiedName)) {
        return simple;
      } else if (name.endsWith("." + simple)) {
        return qualifiedName;
      }
    }
    for (TypeDeclaration<?> type : unit.findAll(TypeDeclaration.class)) {
      if (type.getNameAsString().equals(simple)) {
        return qualifiedName;
      }
    }
    String own = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    if (wildcard || own.equals(pkg) || pkg.equals("java.lang")) {
      return simple;
    }
    needed.add(qualifiedName);
    return simple;
  }

  /** Each needed import, on its own line, in sorted position among the non-static imports. */
  private List<FixResult.Edit> importEdits(CompilationUnit unit) {
    List<FixResult.Edit> out = new ArrayList<>();
    List<ImportDeclaration> existing =
        unit.getImports().stream().filter(i -> !i.isStatic()).toList();
    for (Map.Entry<String, Set<Integer>> needed : imports.entrySet()) {
      String name = needed.getKey();
      List<Integer> owners = list(needed.getValue());
      String line = "import " + name + ";";
      ImportDeclaration before = null;
      for (ImportDeclaration i : existing) {
        if (importText(i).compareTo(name) > 0) {
          before = i;
          break;
        }
      }
      if (before != null) {
        int at = lineStart(begin(before));
        out.add(new FixResult.Edit(at, at, line + eol, owners));
      } else if (!existing.isEmpty()) {
        ImportDeclaration last = existing.get(existing.size() - 1);
        int at = end(last);
        out.add(new FixResult.Edit(at, at, eol + line, owners));
      } else if (!unit.getImports().isEmpty()) {
        ImportDeclaration last = unit.getImports().get(unit.getImports().size() - 1);
        int at = end(last);
        out.add(new FixResult.Edit(at, at, eol + eol + line, owners));
      } else if (unit.getPackageDeclaration().isPresent()) {
        int at = end(unit.getPackageDeclaration().get());
        out.add(new FixResult.Edit(at, at, eol + eol + line, owners));
      } else {
        out.add(new FixResult.Edit(0, 0, line + eol + eol, owners));
      }
    }
    return out;
  }

  private static String importText(ImportDeclaration i) {
    return i.getNameAsString() + (i.isAsterisk() ? ".*" : "");
  }
}
