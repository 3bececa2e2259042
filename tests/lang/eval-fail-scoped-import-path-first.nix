scopedImport (throw "scope") (throw "path")
