# lib.sources: source trees copied to the store filtered, as nixpkgs' lib/sources.nix.
# A filtered source is a set `{ _isLibCleanSourceWith = true; origSrc; filter; name;
# outPath; }`, so that filters compose without an intermediate copy in the store.
{ lib }:
let
  inherit (builtins) match baseNameOf;

  # A path or a filtered source, as its original path, filter and name.
  attrsOf =
    src:
    if src ? _isLibCleanSourceWith then
      { inherit (src) origSrc filter name; }
    else
      {
        origSrc = src;
        filter = _: _: true;
        name = "source";
      };

  fromAttrs =
    { origSrc, filter, name }:
    {
      _isLibCleanSourceWith = true;
      inherit origSrc filter name;
      outPath = builtins.path {
        inherit filter name;
        path = origSrc;
      };
    };

  # The commit a git directory's HEAD names: { value } or { error }. A worktree's or
  # submodule's `.git` file ("gitdir: DIR") is followed; its refs are looked up in
  # its own directory, then in the repository's common directory.
  gitCommitOrError =
    path:
    let
      isFile = lib.filesystem.pathIsRegularFile;
      dirsOf =
        if isFile path then
          let
            m = match "gitdir: (.*)" (lib.strings.fileContents path);
            target = builtins.head m;
            dir = if lib.hasPrefix "/" target then target else toString (dirOf path) + "/" + target;
            common = lib.removeSuffix "/" (lib.strings.fileContents (dir + "/commondir"));
          in
          if m == null then
            null
          else
            [ dir ] ++ lib.optional (isFile (dir + "/commondir")) (
              if lib.hasPrefix "/" common then common else dir + "/" + common
            )
        else
          [ path ];
      read =
        file: dirs:
        let
          holding = builtins.filter (d: isFile (d + "/${file}")) dirs;
          packed = builtins.filter (d: isFile (d + "/packed-refs")) dirs;
          lines = lib.splitString "\n" (builtins.readFile (builtins.head packed + "/packed-refs"));
          found = builtins.filter (l: match "[a-f0-9]+ ${lib.escapeRegex file}" l != null) lines;
        in
        if holding != [ ] then
          let
            content = lib.strings.fileContents (builtins.head holding + "/${file}");
            ref = match "ref: (.*)" content;
          in
          if ref == null then { value = content; } else read (builtins.head ref) dirs
        else if packed != [ ] then
          if found == [ ] then
            { error = "Could not find " + file + " in " + toString (builtins.head packed) + "/packed-refs"; }
          else
            { value = builtins.head (match "([a-f0-9]+) .*" (builtins.head found)); }
        else
          { error = "Not a .git directory: " + toString path; };
    in
    if dirsOf == null then
      { error = "File contains no gitdir reference: " + toString path; }
    else
      read "HEAD" dirsOf;
in
rec {
  # Leaves out version control directories, editor backups and swap files, object
  # files and libraries, result symlinks and files the store cannot hold.
  cleanSourceFilter =
    name: type:
    let
      base = baseNameOf (toString name);
      vcsDirectory = builtins.elem base [ ".svn" "CVS" ".hg" ".jj" ".pijul" "_darcs" ];
    in
    !(
      base == ".git"
      || (type == "directory" && vcsDirectory)
      || lib.hasSuffix "~" base
      || match "\\.sw[a-z]" base != null
      || match "\\..*\\.sw[a-z]" base != null
      || lib.hasSuffix ".o" base
      || lib.hasSuffix ".so" base
      || (type == "symlink" && lib.hasPrefix "result" base)
      || type == "unknown"
    );

  cleanSource =
    src:
    cleanSourceWith {
      filter = cleanSourceFilter;
      inherit src;
    };

  # `src` (a path or a filtered source) with `filter` added to its filters, named
  # `name` (default: the source's name, "source" for a path).
  cleanSourceWith =
    {
      src,
      filter ? _: _: true,
      name ? null,
    }:
    let
      orig = attrsOf src;
    in
    fromAttrs {
      inherit (orig) origSrc;
      filter = path: type: filter path type && orig.filter path type;
      name = if name == null then orig.name else name;
    };

  # The files whose path relative to the source matches one of the regular
  # expressions (a directory is kept only if it matches too).
  sourceByRegex =
    src: regexes:
    let
      root = toString (attrsOf src).origSrc + "/";
    in
    cleanSourceWith {
      inherit src;
      filter =
        path: _:
        let
          relative = lib.removePrefix root (toString path);
        in
        builtins.any (re: match re relative != null) regexes;
    };

  # The files whose names end with one of `exts`, and every directory.
  sourceFilesBySuffices =
    src: exts:
    cleanSourceWith {
      inherit src;
      filter =
        name: type:
        type == "directory" || builtins.any (ext: lib.hasSuffix ext (baseNameOf (toString name))) exts;
    };

  # A source whose filter traces each path it is asked about.
  trace =
    src:
    let
      attrs = attrsOf src;
    in
    fromAttrs (
      attrs
      // {
        filter =
          path: type:
          let
            keep = attrs.filter path type;
          in
          builtins.trace "${attrs.name}.filter ${path} = ${lib.boolToString keep}" keep;
      }
    );

  pathIsGitRepo = path: gitCommitOrError path ? value;
  commitIdFromGitRepo =
    path:
    let
      r = gitCommitOrError path;
    in
    r.value or (throw r.error);

  pathHasContext = builtins.hasContext;
  canCleanSource = src: src ? _isLibCleanSourceWith || !(pathHasContext (toString src));
}
