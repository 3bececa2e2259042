# Every archive format, told by content: the single top-level directory is stripped.
let
  fetch = file: builtins.fetchTarball ("file://" + toString ./lib/fetch + "/" + file);
  show = file: let p = fetch file; in {
    path = p;
    context = builtins.getContext p;
    entries = builtins.readDir p;
    bin = builtins.readDir (p + "/bin");
    readme = builtins.readFile (p + "/README");
    link = builtins.readFile (p + "/link");
  };
in
map show [ "hello.tar" "hello.tar.gz" "hello.tar.xz" "hello.tar.bz2" "hello.zip" ]
