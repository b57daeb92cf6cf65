package dev.clearguard.checker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void positiveANewReportGetsThePermissionsAnyNewFileGets() throws Exception {
    assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null);
    Path reference = dir.resolve("reference.txt");
    Files.writeString(reference, "written the ordinary way");
    Path report = dir.resolve("reports/clearguard.json");

    AtomicFiles.write(report, "{}\n");

    assertEquals("{}\n", Files.readString(report));
    assertEquals(
        Files.getPosixFilePermissions(reference),
        Files.getPosixFilePermissions(report),
        "a report must be as readable as any other build output, not private to its owner");
    assertNotEquals(
        PosixFilePermissions.fromString("rw-------"),
        Files.getPosixFilePermissions(report),
        "under the usual umask 022 a report is readable by others");
  }

  @Test
  void positiveARewrittenFileKeepsItsPermissions() throws Exception {
    assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null);
    Path script = dir.resolve("Tool.java");
    Files.writeString(script, "#!/usr/bin/env java --source 17\nclass Tool {}\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));

    AtomicFiles.write(script, "#!/usr/bin/env java --source 17\nfinal class Tool {}\n");

    assertEquals(
        PosixFilePermissions.fromString("rwxr-xr-x"), Files.getPosixFilePermissions(script));
    assertEquals(List.of("Tool.java"), fileNames(), "no temporary file is left behind");
  }

  @Test
  void negativeAFailedWriteLeavesTheOldFileWholeAndNoTemporaryFile() throws Exception {
    Path source = dir.resolve("Sessions.java");
    Files.writeString(source, "class Sessions {}\n");

    // US-ASCII cannot encode the text, so writing fails part-way through
    assertThrows(
        IOException.class,
        () ->
            AtomicFiles.write(
                source, "class Sessions { String s = \"\u00e9\"; }\n", StandardCharsets.US_ASCII));

    assertEquals("class Sessions {}\n", Files.readString(source));
    assertEquals(List.of("Sessions.java"), fileNames(), "no temporary file is left behind");
  }

  @Test
  void positiveTheFileIsWrittenInTheGivenCharset() throws Exception {
    Path source = dir.resolve("Latin.java");

    AtomicFiles.write(source, "// \u00e9\n", StandardCharsets.ISO_8859_1);

    assertArrayEquals(new byte[] {'/', '/', ' ', (byte) 0xe9, '\n'}, Files.readAllBytes(source));
  }

  private List<String> fileNames() throws Exception {
    try (var files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
