# Derivations whose .drv files (and `nix derivation show` JSON) made by the reference
# are the golden files in this directory; see generate.sh.
let
  sys = "x86_64-linux";
  mk = attrs: derivation ({ system = sys; builder = "/bin/sh"; } // attrs);
  hello = "printf 'hello world\\n' > $out";
  textFile = builtins.toFile "hello.txt" "hello world\n";
  textRef = builtins.toFile "ref.txt" "see ${textFile}";
in rec {
  simple = mk { name = "simple"; args = [ "-c" "echo hi > $out" ]; };
  multi = mk { name = "multi"; outputs = [ "out" "dev" "bin" ]; args = [ "-c" "echo > $out; echo > $dev; echo > $bin" ]; };
  outputsOrder = mk { name = "outputs-order"; outputs = [ "zz" "lib" "out" "a" ]; args = [ "-c" "true" ]; };
  noArgs = mk { name = "no-args"; };
  fodFlat = mk { name = "fod-flat"; args = [ "-c" hello ]; outputHashMode = "flat"; outputHashAlgo = "sha256";
    outputHash = "a948904f2f0f479b8f8197694b30184b0d2ed1c1cd2a1ec0fb85d299a192a447"; };
  fodNix32 = mk { name = "fod-nix32"; args = [ "-c" hello ]; outputHashAlgo = "sha256";
    outputHash = "0ix4jahrkll5zg01wandq78jw3ab30q4nscph67rniqg5x7r0j59"; };
  fodSri = mk { name = "fod-sri"; args = [ "-c" hello ]; outputHash = "sha256-qUiQTy8PR5uPgZdpSzAYSw0u0cHNKh7A+4XSmaGSpEc="; };
  fodRec = mk { name = "fod-rec"; args = [ "-c" hello ]; outputHashMode = "recursive"; outputHashAlgo = "sha256";
    outputHash = "sha256-qUiQTy8PR5uPgZdpSzAYSw0u0cHNKh7A+4XSmaGSpEc="; };
  fodNar = mk { name = "fod-nar"; args = [ "-c" "mkdir $out" ]; outputHashMode = "nar";
    outputHash = "sha1-AAAAAAAAAAAAAAAAAAAAAAAAAAA="; };
  fodSha1 = mk { name = "fod-sha1"; args = [ "-c" hello ]; outputHashAlgo = "sha1"; outputHash = "22596363b3de40b06f981fb85d82312e8c0ed511"; };
  fodSha512 = mk { name = "fod-sha512"; args = [ "-c" hello ]; outputHashMode = "recursive"; outputHashAlgo = "sha512";
    outputHash = "sha512-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="; };
  fodMd5 = mk { name = "fod-md5"; args = [ "-c" hello ]; outputHashAlgo = "md5"; outputHash = "6f5902ac237024bdd0c176cb93063dc4"; };
  dependent = mk { name = "dependent"; args = [ "-c" "echo ${fodFlat} ${simple} ${multi.dev} > $out" ]; };
  multiInputs = mk { name = "multi-inputs"; outputs = [ "out" "doc" ];
    args = [ "-c" "echo ${multi.dev} ${multi.bin} ${multi.out} ${fodRec} ${fodSha1} > $out; echo > $doc" ]; };
  chain = mk { name = "chain"; args = [ "-c" "echo ${dependent} ${multiInputs.doc} ${multiInputs} > $out" ]; };
  sameFod = mk { name = "same-fod"; args = [ "-c" "echo ${fodFlat} ${fodSri} ${fodNix32} > $out" ]; };
  sources = mk { name = "sources"; src = ./hello.txt; script = ./cases.nix; args = [ "-c" "cat $src > $out" ]; };
  toFileInputs = mk { name = "to-file"; builder = textRef; args = [ textFile "${textRef}" ]; };
  passAsFile = mk { name = "pass-as-file"; big = "a\nb"; other = "x"; passAsFile = [ "big" "other" ]; args = [ "-c" "cp $bigPath $out" ]; };
  escapes = mk { name = "escapes"; quote = "say \"hi\""; backslash = "a\\b\\\\c"; newline = "l1\nl2\n"; tab = "a\tb";
    cr = "a\rb\r\n"; unicode = "ünïcødé € 😀 \u{1F600}"; control = builtins.fromJSON "\"\\u0001\\u001f\\u007f\"";
    "key with \"quote\"" = "v"; args = [ "-c" "echo \"$quote\" > $out" "tab\there" "back\\slash" "nl\n" ]; };
  mixedValues = mk { name = "mixed-values"; aList = [ 1 "two" [ 3 [] 4 ] null true false 1.5 ]; aTrue = true; aFalse = false;
    aNull = null; anInt = 42; aFloat = 0.1; aDrv = multi; args = [ "-c" "true" ]; };
  structured = import ./sa2.nix;
  structuredDeps = mk { name = "structured-deps"; __structuredAttrs = true; outputs = [ "out" "lib" ];
    deps = [ simple multi.dev ]; nested = { a = [ 1 { b = "\n"; } ]; }; src = ./hello.txt; };
  bigChain = mk { name = "big-chain"; args = [ "-c" "echo ${chain} ${sameFod} ${sources} ${toFileInputs} ${structured.dev} ${escapes} > $out" ]; };
}
