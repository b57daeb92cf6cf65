def log = new File(basedir, 'build.log').text
assert log.contains('--- a/src/main/java/demo/Sessions.java')
assert log.contains('+++ b/src/main/java/demo/Sessions.java')
assert log.contains('-      sessions.remove(id);')
assert log.contains('+    sessions.clear();')
assert log.contains('ClearGuard fix (dry run): 2 findings would be fixed in 1 file, 0 need a manual fix, in fix-dry-run; nothing was written')

def before = new File(basedir.parentFile, 'fix-dry-run.snapshot').withObjectInputStream { it.readObject() }
def after = [:]
basedir.eachFileRecurse(groovy.io.FileType.FILES) { after[basedir.toPath().relativize(it.toPath()).toString()] = it.text }
after.remove('build.log')
before.remove('build.log')
assert after.keySet() == before.keySet() : "files added or removed: ${after.keySet() - before.keySet()} ${before.keySet() - after.keySet()}"
after.each { name, text -> assert text == before[name] : "${name} changed" }
true
