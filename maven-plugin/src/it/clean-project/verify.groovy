def log = new File(basedir, 'build.log').text
assert log.contains('ClearGuard: 0 findings in clean-project (1 file analysed)')
assert !log.contains('[WARNING] src/')
assert new File(basedir, 'target/clearguard/clearguard.sarif').isFile()
assert new File(basedir, 'target/clearguard/clearguard.html').isFile()
