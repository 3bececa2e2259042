# lib.filesystem: what kind of file a path is, and the files under a directory.
{ lib }:
rec {
  # "regular", "directory", "symlink" or "unknown", as builtins.readFileType.
  pathType =
    path:
    if !builtins.pathExists path then
      throw "lib.filesystem.pathType: Path ${toString path} does not exist."
    else
      builtins.readFileType path;
  pathIsDirectory = path: builtins.pathExists path && pathType path == "directory";
  pathIsRegularFile = path: builtins.pathExists path && pathType path == "regular";
  # Every file under `dir` (not the directories), recursively.
  listFilesRecursive =
    dir:
    lib.lists.flatten (
      lib.attrsets.mapAttrsToList (
        name: type: if type == "directory" then listFilesRecursive (dir + "/${name}") else dir + "/${name}"
      ) (builtins.readDir dir)
    );
}
