# Ferrix's `lib`: a subset of the nixpkgs library, with nixpkgs' names and behaviour,
# written for Ferrix (no nixpkgs code is copied). Every function is reachable by
# section (`lib.strings.hasPrefix`) and flat (`lib.hasPrefix`).
#
#   import ./stdlib/lib        # the lib set (no arguments)
let
  lib =
    let
      sections = {
        trivial = import ./trivial.nix { inherit lib; };
        lists = import ./lists.nix { inherit lib; };
        strings = import ./strings.nix { inherit lib; };
        attrsets = import ./attrsets.nix { inherit lib; };
        fixedPoints = import ./fixed-points.nix { inherit lib; };
        customisation = import ./customisation.nix { inherit lib; };
        versions = import ./versions.nix { inherit lib; };
        asserts = import ./asserts.nix { inherit lib; };
        meta = import ./meta.nix { inherit lib; };
        generators = import ./generators.nix { inherit lib; };
        filesystem = import ./filesystem.nix { inherit lib; };
        sources = import ./sources.nix { inherit lib; };
        licenses = import ./licenses.nix { inherit lib; };
        systems = import ./systems.nix { inherit lib; };
        maintainers = import ./maintainers.nix { inherit lib; };
        teams = import ./teams.nix { inherit lib; };
      };
      # The builtins nixpkgs' lib re-exports at its top level.
      fromBuiltins = {
        inherit (builtins)
          add
          addErrorContext
          attrNames
          concatLists
          deepSeq
          elem
          elemAt
          filter
          genericClosure
          genList
          getAttr
          hasAttr
          head
          isAttrs
          isBool
          isInt
          isList
          isPath
          isString
          length
          lessThan
          listToAttrs
          pathExists
          readFile
          replaceStrings
          seq
          stringLength
          sub
          substring
          tail
          trace
          ;
      };
    in
    # No two flattened sections define one name (apart from re-exported builtins,
    # which are the same value everywhere). As in nixpkgs, `versions` and
    # `generators` are reachable only by section (`lib.versions.major`).
    fromBuiltins
    // sections.asserts
    // sections.trivial
    // sections.fixedPoints
    // sections.lists
    // sections.strings
    // sections.attrsets
    // sections.customisation
    // sections.meta
    # As nixpkgs: only these of `filesystem` and `sources` are flat (`sources.trace`
    # is not `builtins.trace`); `licenses`, `systems`, `maintainers` and `teams` are
    # reachable by name only, and `platforms` is `systems.doubles`.
    // {
      inherit (sections.filesystem) pathType pathIsDirectory pathIsRegularFile;
      inherit (sections.sources)
        cleanSourceFilter
        cleanSource
        cleanSourceWith
        sourceByRegex
        sourceFilesBySuffices
        commitIdFromGitRepo
        pathHasContext
        canCleanSource
        pathIsGitRepo
        ;
      platforms = sections.systems.doubles;
    }
    // sections;
in
lib
