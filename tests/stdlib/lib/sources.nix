# lib.sources and a few string/attrset helpers package files use. Each `# nixpkgs:`
# comment is what nixpkgs gives for the case.
let
  lib = import ../../../stdlib/lib;
  f = lib.cleanSourceFilter;
in
{
  cleanSourceFilter = [
    (f "/src/.git" "directory") # nixpkgs: false
    (f "/src/.git" "regular") # nixpkgs: false (a worktree's .git file)
    (f "/src/.svn" "directory") # nixpkgs: false
    (f "/src/CVS" "directory") # nixpkgs: false
    (f "/src/CVS" "regular") # nixpkgs: true
    (f "/src/.hg" "directory") # nixpkgs: false
    (f "/src/main.c~" "regular") # nixpkgs: false
    (f "/src/.main.c.swp" "regular") # nixpkgs: false
    (f "/src/.swp" "regular") # nixpkgs: false
    (f "/src/main.o" "regular") # nixpkgs: false
    (f "/src/libx.so" "regular") # nixpkgs: false
    (f "/src/result" "symlink") # nixpkgs: false
    (f "/src/result-dev" "symlink") # nixpkgs: false
    (f "/src/result" "directory") # nixpkgs: true
    (f "/src/sock" "unknown") # nixpkgs: false
    (f "/src/main.c" "regular") # nixpkgs: true
  ];
  # The filters a source keeps, asked about the files of data/src.
  cleaned =
    let
      s = lib.cleanSource ./data/src;
      keeps = name: type: s.filter (toString ./data/src + "/${name}") type;
    in
    [ (keeps "keep.c" "regular") (keeps "keep.o" "regular") (keeps "keep.c~" "regular") (keeps "sub" "directory") ]; # nixpkgs: [ true false false true ]
  # The store path of the filtered tree (the same contents give the same path).
  cleanedPath = (lib.cleanSource ./data/src).outPath;
  cleanedName = (lib.cleanSource ./data/src).name; # nixpkgs: "source"
  byRegex =
    let
      s = lib.sourceByRegex ./data/src [ "keep.*" "sub" "sub/.*" ];
    in
    [ (s.filter (toString ./data/src + "/keep.o") "regular") (s.filter (toString ./data/src + "/sub/inner.c") "regular") (s.filter (toString ./data/src + "/other") "regular") s.outPath ]; # nixpkgs: [ true true false <path> ]
  bySuffix =
    let
      s = lib.sourceFilesBySuffices ./data/src [ ".c" ];
    in
    [ (s.filter (toString ./data/src + "/sub") "directory") (s.filter (toString ./data/src + "/sub/notes.txt") "regular") (s.filter (toString ./data/src + "/sub/inner.c") "regular") s.outPath ]; # nixpkgs: [ true false true <path> ]
  composed =
    let
      s = lib.cleanSourceWith { src = lib.cleanSource ./data/src; filter = p: t: !(lib.hasSuffix "keep.c" p); name = "mine"; };
    in
    [ s.name (s.filter (toString ./data/src + "/keep.c") "regular") (s.filter (toString ./data/src + "/keep.o") "regular") (s.filter (toString ./data/src + "/sub") "directory") s.outPath ]; # nixpkgs: [ "mine" false false true <path> ]
  notGit = lib.pathIsGitRepo ./data/src; # nixpkgs: false
  canClean = lib.canCleanSource ./data/src; # nixpkgs: true

  escapeXML = lib.escapeXML ''"a" < 'b' & c>''; # nixpkgs: "&quot;a&quot; &lt; &apos;b&apos; &amp; c&gt;"
  convertible = map lib.isConvertibleWithToString [ 1 null [ "a" 2 ] { } ]; # nixpkgs: [ true true true false ]
  mergeAttrsList = lib.mergeAttrsList [ { a = 1; } { b = 2; } { a = 3; } ]; # nixpkgs: { a = 3; b = 2; }
  optionalDrvAttr = [ (lib.optionalDrvAttr true "x") (lib.optionalDrvAttr false "x") ]; # nixpkgs: [ "x" null ]
  fold = lib.fold (x: acc: acc + x) "" [ "a" "b" ]; # nixpkgs: "ba"
}
