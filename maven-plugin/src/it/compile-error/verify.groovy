def log = new File(basedir, 'build.log').text
assert log.contains('ClearGuard cannot analyse compile-error because its sources do not compile; first error: src/main/java/demo/Broken.java:5: cannot find symbol')
assert !(log =~ /(?m)^\s+at [a-z]/) : 'no stack trace'
assert !log.contains('Exception:')
