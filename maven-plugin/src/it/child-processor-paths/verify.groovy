def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('plug-in not found')
// The module's own processor ran...
assert new File(basedir, 'app/target/classes/META-INF/services/java.lang.Runnable').text.trim() == 'demo.Task'
// ...and so did ClearGuard.
assert log =~ /  - \[IterateRemoveClear\] \S*Sessions\.java:10 \(rule severity: error\)/
assert log =~ /  - \[ClearThenRefill\] \S*Sessions\.java:16 \(rule severity: error\)/
