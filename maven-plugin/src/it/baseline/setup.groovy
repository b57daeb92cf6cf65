// Makes the IT's directory a repository root, as a checkout would be: SARIF paths are relative to it.
new File(basedir, '.git').mkdirs()
