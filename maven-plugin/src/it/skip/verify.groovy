def log = new File(basedir, 'build.log').text
assert log.contains('ClearGuard: skipped (clearguard.skip) in skip')
assert !log.contains('[IterateRemoveClear]')
assert !new File(basedir, 'target/clearguard').exists()
