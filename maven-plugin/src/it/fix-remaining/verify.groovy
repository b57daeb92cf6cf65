import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

def log = new File(basedir, 'build.log').text
assert log.contains('src/main/java/demo/Tags.java: fixed 1 finding (IterateRemoveClear at line 18)')
assert log.contains('ClearGuard fix: 1 finding fixed in 1 file, 1 need a manual fix, in fix-remaining; 1 finding remain')
// The finding left is named at its line in the rewritten file, not only counted.
assert log.contains('src/main/java/demo/Tags.java:22: [UnsafeMapReassignment] remains after the fix')

def source = new File(basedir, 'src/main/java/demo/Tags.java').toPath()
assert Files.readString(source).contains('sessions.clear();')
assert PosixFilePermissions.toString(Files.getPosixFilePermissions(source)) == 'rwxr-xr-x'
