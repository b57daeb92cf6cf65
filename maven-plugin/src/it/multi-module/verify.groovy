import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] core/src/main/java/core/Registry.java:14: [IterateRemoveClear]')
assert log.contains('[WARNING] app/src/main/java/app/Routes.java:13: [ClearThenRefill]')
assert log.contains('[WARNING] app/src/main/java/app/Routes.java:19: [IterateRemoveClear]')
assert log.contains('[INFO] ClearGuard: no Java sources in multi-module')
assert log.contains('[WARNING] ClearGuard: 1 finding in core (1 file analysed)')
assert log.contains('[WARNING] ClearGuard: 2 findings in app (1 file analysed)')
assert log.contains('[INFO] ClearGuard: 0 findings in clean (1 file analysed)')
assert log.contains('ClearGuard reactor: 3 findings in 4 modules, 3 files; no module fails')
assert log.count('ClearGuard reactor:') == 1

// SARIF paths are relative to the repository root, not to the module.
def sarif = new JsonSlurper().parse(new File(basedir, 'app/target/clearguard/clearguard.sarif'))
assert sarif.runs[0].results*.locations*.getAt(0)*.physicalLocation*.artifactLocation*.uri ==
    ['app/src/main/java/app/Routes.java', 'app/src/main/java/app/Routes.java']
assert sarif.runs[0].automationDetails.id == 'clearguard/app/'
