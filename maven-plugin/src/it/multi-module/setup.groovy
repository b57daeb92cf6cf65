new File(basedir, '.git').mkdirs()
