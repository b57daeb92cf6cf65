package dev.clearguard.checker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see the old file or the complete new one, never a part: the text
 * goes to a temporary file beside the target, which is then renamed over it.
 *
 * <p>The result has the permissions any other build output gets. A file that already exists keeps
 * its own (an executable script stays executable); a new file gets the default of the process's
 * umask, like a file the build tool writes. {@code Files.createTempFile} would make it readable by
 * its owner only, which a CI server or web server running as another user cannot read.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes {@code content} as UTF-8. */
  public static void write(Path target, String content) throws IOException {
    write(target, content, StandardCharsets.UTF_8);
  }

  public static void write(Path target, String content, Charset charset) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Files.createDirectories(dir);
    Set<PosixFilePermission> existing = permissions(absolute);
    Path temp = createTemp(dir, absolute.getFileName().toString());
    try {
      Files.writeString(temp, content, charset);
      if (existing != null) {
        Files.setPosixFilePermissions(temp, existing);
      }
      try {
        Files.move(
            temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** A new, empty file created the way any file is, so the umask decides its permissions. */
  private static Path createTemp(Path dir, String name) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path temp =
          dir.resolve(
              "."
                  + name
                  + "."
                  + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                  + ".tmp");
      try (OutputStream out =
          Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        return temp;
      } catch (FileAlreadyExistsException e) {
        if (attempt > 16) {
          throw e;
        }
      }
    }
  }

  /** The file's POSIX permissions, or null when it does not exist or the file system has none. */
  private static Set<PosixFilePermission> permissions(Path file) throws IOException {
    if (!Files.exists(file)
        || Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
      return null;
    }
    return Files.getPosixFilePermissions(file);
  }
}
