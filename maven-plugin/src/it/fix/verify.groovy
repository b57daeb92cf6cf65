def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] src/main/java/demo/Sessions.java: fixed 2 findings (IterateRemoveClear at line 10, ClearThenRefill at line 16)')
assert log.contains('ClearGuard fix: 2 findings fixed in 1 file, 0 need a manual fix, in fix; 0 findings remain')
assert log.contains('ClearGuard: 0 findings in fix (1 file analysed)')

def source = new File(basedir, 'src/main/java/demo/Sessions.java').text
assert !source.contains('sessions.remove(id)')
assert source.contains('sessions.clear();')
// Written atomically: no temporary file is left next to the source.
assert new File(basedir, 'src/main/java/demo').list() as List == ['Sessions.java']
