let p = import ./lib/curpos.nix; in [ p.line p.column (baseNameOf p.file) ]
