// A repository root, so the diff's paths are those `git apply` expects; then a record of every
// file, kept outside the project so that the record itself changes nothing there.
new File(basedir, '.git').mkdirs()
def files = [:]
basedir.eachFileRecurse(groovy.io.FileType.FILES) { files[basedir.toPath().relativize(it.toPath()).toString()] = it.text }
new File(basedir.parentFile, 'fix-dry-run.snapshot').withObjectOutputStream { it.writeObject(files) }
