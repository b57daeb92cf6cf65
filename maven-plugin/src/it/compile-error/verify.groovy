def log = new File(basedir, 'build.log').text
assert log.contains('ClearGuard cannot analyse compile-error because its sources do not compile; first error: src/main/java/demo/Broken.java:5: cannot find symbol')
assert !(log =~ /(?m)^\s+at (dev\.clearguard|com\.sun\.tools|com\.fasterxml)/) : 'no stack trace'
assert !log.contains('CompileErrorException')
