def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !(log =~ /\[INFO\] .*Sessions\.java:\[10,5\]/) : '-nowarn hides the notes themselves'
assert log.contains('ClearGuard: 2 findings, each reported as a note at its line')
assert log =~ /  - \[IterateRemoveClear\] \S*Sessions\.java:10 \(rule severity: error\)/
assert log =~ /  - \[ClearThenRefill\] \S*Sessions\.java:16 \(rule severity: error\)/
