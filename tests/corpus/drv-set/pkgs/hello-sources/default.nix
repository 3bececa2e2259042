# A recursive (NAR-hashed) fixed-output copy of sources/hello-src, hash given in SRI form.
{ fetchLocal }:
fetchLocal {
  name = "hello-sources";
  file = ../../sources/hello-src;
  recursive = true;
  hash = "sha256-Q6G4If9r5ub9gHICdFSivhtPVMUekrLQkA6SYcyigR4=";
}
