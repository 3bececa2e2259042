# Derivations for tests/build.rs, built by Ferrix and (tests/build/generate.sh) by the
# reference. Builders run bash with PATH=/bin; the tests expose /bin, /usr, /lib and
# /lib64 to the sandbox through the sandbox-paths setting.
{ port ? "1", secret ? "/nonexistent" }:
let
  sh = name: script: extra: derivation ({
    inherit name;
    system = "x86_64-linux";
    builder = "/bin/bash";
    args = [ "-c" script ];
    PATH = "/bin";
  } // extra);
in
rec {
  dep1 = sh "dep1" "echo 1 > $out" { };
  dep2 = sh "dep2" "echo ${dep1} > $out" { };
  # A directory output with a symlink into another path and a copy of its file.
  linked = sh "linked" "mkdir $out; ln -s ${dep2} $out/link; cp ${dep2} $out/copy" { };
  ok = sh "ok" "echo ok > $out" { };
  fail = sh "fail" "for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo line $i; done; exit 3" { };
  dependent = sh "dependent" "echo ${fail} > $out" { };
  noout = sh "noout" "echo hi" { };
  multi = sh "multi" "echo $dev > $out; mkdir $dev; echo dev > $dev/file" { outputs = [ "out" "dev" ]; };
  cycle = sh "cycle" "echo $dev > $out; echo $out > $dev" { outputs = [ "out" "dev" ]; };
  allowed = sh "allowed" "echo ${dep1} ${dep2} $out > $out" { allowedReferences = [ dep1 ]; };
  disallowed = sh "disallowed" "echo ${dep2} > $out" { disallowedRequisites = [ dep1 ]; };
  badspec = sh "badspec" "echo > $out" { allowedReferences = [ "foo" ]; };
  fodBad = sh "fod-bad" "echo hello > $out" { outputHash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="; };
  fodGood = sh "fod-good" "echo hello > $out" { outputHash = builtins.hashString "sha256" "hello\n"; outputHashAlgo = "sha256"; };
  fodRef = sh "fod-ref" "echo ${dep1} > $out" { outputHashMode = "recursive"; outputHash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="; };
  fodFlatRef = sh "fod-flat-ref" "echo ${dep1} > $out" { outputHash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="; };
  fodFlatDir = sh "fod-flat-dir" "mkdir $out" { outputHash = "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="; };
  loosePerm = sh "loose-perm" "mkdir $out; chmod 777 $out" { };
  envPlain = sh "env-plain" "export > $out; pwd >> $out; echo $0 >> $out; cat $fooPath >> $out" {
    foo = "passed as a file\n";
    passAsFile = [ "foo" ];
    n = 7;
    l = [ 1 "two" null true false 1.5 ];
  };
  envStructured = derivation {
    name = "env-structured";
    system = "x86_64-linux";
    builder = "/bin/bash";
    __structuredAttrs = true;
    outputs = [ "out" "dev" ];
    args = [ "-c" ". $NIX_ATTRS_SH_FILE; o=\${outputs[out]}; /bin/mkdir \${outputs[dev]}; export > $o; /bin/cat $NIX_ATTRS_JSON_FILE >> $o; echo >> $o; /bin/cat $NIX_ATTRS_SH_FILE >> $o" ];
    foo = "bar";
    n = 7;
    f = 1.5;
    b = true;
    z = null;
    l = [ 1 "a" ];
    a = { x = "y"; n = 1; };
    nested = { a = [ 1 ]; };
  };
  # exportReferencesGraph: a path referring to a text file and to dep2 (which refers to
  # dep1), exported by path, by a path inside it, by its derivation (whose closure brings
  # the outputs of the derivations in it), and as structured attributes.
  graphDep = sh "graph-dep" "mkdir $out; echo ${dep2} > $out/f; echo ${builtins.toFile "text" "x"} > $out/g" { };
  exportPlain = sh "export-plain" "{ cat graph; echo ---; cat inner; echo ---; echo $exportReferencesGraph; } > $out" {
    exportReferencesGraph = [ "graph" graphDep "inner" "${graphDep}/f" ];
  };
  exportDrv = sh "export-drv" "cat graph > $out" { exportReferencesGraph = [ "graph" graphDep.drvPath ]; };
  exportStructured = derivation {
    name = "export-structured";
    system = "x86_64-linux";
    builder = "/bin/bash";
    __structuredAttrs = true;
    args = [ "-c" ". .attrs.sh; o=\${outputs[out]}; /bin/cat .attrs.json > $o; echo >> $o; /bin/cat .attrs.sh >> $o" ];
    exportReferencesGraph = { graph = graphDep; multi = [ dep1 [ "${graphDep}/g" ] ]; none = [ ]; };
  };
  exportOdd = sh "export-odd" "echo > $out" { exportReferencesGraph = [ "graph" dep1 "x" ]; };
  exportBadName = sh "export-bad-name" "echo > $out" { exportReferencesGraph = [ "../graph" dep1 ]; };
  exportNonStore = sh "export-non-store" "echo > $out" { exportReferencesGraph = [ "graph" "/tmp/graph" ]; };
  exportNotInput = sh "export-not-input" "echo > $out" {
    exportReferencesGraph = [ "graph" "${builtins.unsafeDiscardStringContext dep1.outPath}/sub" ];
  };
  exportBadValue = derivation {
    name = "export-bad-value";
    system = "x86_64-linux";
    builder = "/bin/bash";
    __structuredAttrs = true;
    exportReferencesGraph.graph = [ dep1 1 ];
  };
  # Connects to a port of the host's loopback interface.
  net = sh "net" "exec 3<>/dev/tcp/127.0.0.1/${port} && echo connected > $out" { };
  netFod = sh "net-fod" "exec 3<>/dev/tcp/127.0.0.1/${port} && echo connected > $out" {
    outputHash = builtins.hashString "sha256" "connected\n";
    outputHashAlgo = "sha256";
  };
  # Reads a host file outside the closure; `hostDeps` asks for it.
  host = sh "host" "cat ${secret} > $out" { };
  hostDeps = sh "host-deps" "cat ${secret} > $out; echo changed > ${secret} || echo read-only >> $out" { __impureHostDeps = [ secret ]; };
  slow = sh "slow" "echo start; sleep 3; echo done > $out" { };
  sleepy = sh "sleepy" "echo start; sleep 60; echo > $out" { };
  # A path with a file, and two ways of using that file: a symlink (a reference to the
  # whole path) and a copy (no reference).
  provider = sh "provider" "mkdir -p $out/share; echo data > $out/share/file; echo more > $out/other" { };
  bySymlink = sh "by-symlink" "mkdir $out; ln -s ${provider}/share/file $out/file" { };
  byCopy = sh "by-copy" "mkdir $out; cp ${provider}/share/file $out/file" { };
  # Uses its input only after a while (a collection runs meanwhile in a test).
  lateUser = sh "late-user" "echo start; sleep 2; cat ${provider}/share/file > $out" { };
  # Two outputs holding identical files.
  twinA = sh "twin-a" "mkdir $out; echo same content > $out/f; echo a > $out/a" { };
  twinB = sh "twin-b" "mkdir $out; echo same content > $out/f; echo b > $out/b" { };
  # What the builder holds: open descriptors, its terminal, whether / is writable.
  holdings = sh "holdings" "{ ls /proc/self/fd; cut -d ' ' -f 7 /proc/self/stat; touch /x 2>/dev/null && echo writable-root || echo read-only-root; } > $out" { };
  # A process that ignores SIGTERM and SIGINT, in the background, then waiting.
  stubborn = sh "stubborn" "(trap '' TERM INT; exec -a ferrix-test-stubborn sleep 67) & echo start; wait" { };
}
