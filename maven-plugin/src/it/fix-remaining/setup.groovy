import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

// An executable source file (a script run with `java Tags.java`): the rewrite must keep its mode.
def source = new File(basedir, 'src/main/java/demo/Tags.java').toPath()
Files.setPosixFilePermissions(source, PosixFilePermissions.fromString('rwxr-xr-x'))
return true
