import com.networknt.schema.InputFormat
import com.networknt.schema.SchemaRegistry
import com.networknt.schema.SpecificationVersion
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] src/main/java/demo/Sessions.java:10: [IterateRemoveClear] Removing the entries of `sessions` one at a time is not atomic')
assert log.contains('[WARNING] src/main/java/demo/Sessions.java:16: [ClearThenRefill] Between `sessions.clear()` and the refill')
assert log.contains('[WARNING] ClearGuard: 2 findings in findings-fail (1 file analysed); reports: target/clearguard/clearguard.sarif, target/clearguard/clearguard.html')
assert log.contains('ClearGuard found 2 findings in findings-fail; see target/clearguard/clearguard.html')

// The SARIF report validates against the OASIS SARIF 2.1.0 schema (a test resource of the plugin).
def sarifFile = new File(basedir, 'target/clearguard/clearguard.sarif')
def schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
    .getSchema(getClass().classLoader.getResourceAsStream('sarif-schema-2.1.0.json'))
def errors = schema.validate(sarifFile.text, InputFormat.JSON)
assert errors.isEmpty() : errors.join('\n')

def sarif = new JsonSlurper().parse(sarifFile)
def results = sarif.runs[0].results
assert results*.ruleId == ['IterateRemoveClear', 'ClearThenRefill']
assert results.every { it.locations[0].physicalLocation.artifactLocation.uri == 'src/main/java/demo/Sessions.java' }
assert results.every { it.locations[0].physicalLocation.artifactLocation.uriBaseId == 'SRCROOT' }
assert results*.locations*.getAt(0)*.physicalLocation*.region*.startLine == [10, 16]
assert sarif.runs[0].originalUriBaseIds.SRCROOT.uri == basedir.toPath().toUri().toString()
// Both findings have an automatic fix: a SARIF fix replacing the loop, and one for the refill.
assert results.every { it.fixes?.size() == 1 && it.fixes[0].artifactChanges[0].replacements }
assert results[0].fixes[0].artifactChanges[0].replacements*.insertedContent*.text.join().contains('sessions.clear();')
assert sarif.runs[0].tool.driver.rules.every { it.helpUri.startsWith('https://') && it.help.text }

def html = new File(basedir, 'target/clearguard/clearguard.html').text
assert html.contains('<strong>2 findings</strong>')
assert html.contains('for (String id : sessions.keySet()) {')
// Written atomically: no temporary file is left behind.
assert new File(basedir, 'target/clearguard').list().sort() == ['clearguard.html', 'clearguard.sarif']
