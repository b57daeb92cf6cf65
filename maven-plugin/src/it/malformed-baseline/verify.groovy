def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'clearguard-baseline.json').canonicalPath
assert log.contains("ClearGuard baseline ${file} is malformed: not valid JSON: line 4, column 80: Unexpected character ('\"'")
assert !(log =~ /(?m)^\s+at (dev\.clearguard|com\.sun\.tools|com\.fasterxml)/) : 'no stack trace'
