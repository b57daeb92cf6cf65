def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert new File(basedir, 'target/classes/demo/Sessions.class').isFile()
// The notes at their lines, as maven-compiler-plugin prints them.
assert log =~ /\[INFO\] .*Sessions\.java:\[10,5\] \[IterateRemoveClear\] Removing the entries of `sessions`/
assert log =~ /\[INFO\] .*Sessions\.java:\[16,5\] \[ClearThenRefill\] Between `sessions.clear\(\)`/
// The closing list.
assert log.contains('ClearGuard: 2 findings, each reported as a note at its line')
assert log =~ /  - \[IterateRemoveClear\] \S*Sessions\.java:10 \(rule severity: error\)/
assert log =~ /  - \[ClearThenRefill\] \S*Sessions\.java:16 \(rule severity: error\)/
assert !log.contains('[WARNING]') : 'nothing counts as a warning'
