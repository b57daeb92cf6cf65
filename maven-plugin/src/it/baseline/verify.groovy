import groovy.json.JsonSlurper

def baseline = new JsonSlurper().parse(new File(basedir, 'clearguard-baseline.json'))
assert baseline.formatVersion == 1
assert baseline.findings*.member.sort() == ['demo.Sessions#logoutAll()', 'demo.Sessions#reload(java.util.Map)']
assert baseline.findings.every { it.file == 'src/main/java/demo/Sessions.java' && it.count == 1 }

def log = new File(basedir, 'build.log').text
assert log.contains('ClearGuard: baseline of baseline accepts 2 findings')
// After the unrelated edit only:
assert log.contains('ClearGuard: 0 findings (2 more accepted by the baseline) in baseline')
// After the new finding:
assert log.contains('[WARNING] src/main/java/demo/Sessions.java:16: [IterateRemoveClear] Removing the entries of `lastSeen`')
assert log.contains('ClearGuard: 1 finding (2 more accepted by the baseline) in baseline')
assert log.contains('ClearGuard found 1 finding not in the baseline in baseline')
assert !log.contains('Sessions.java:20: [IterateRemoveClear]')
assert !log.contains('[ClearThenRefill]')

def sarif = new JsonSlurper().parse(new File(basedir, 'target/clearguard/clearguard.sarif'))
assert sarif.runs[0].results.collect { [it.locations[0].physicalLocation.region.startLine, it.baselineState] } ==
    [[16, 'new'], [20, 'unchanged'], [26, 'unchanged']]
