# The corpus's own overlay: hello greets the corpus (through overrideAttrs, so
# everything that uses hello gets this one), and the set gains hello-plain, the
# package as its source makes it.
final: prev: {
  hello = prev.hello.overrideAttrs (old: {
    configureFlags = (old.configureFlags or [ ]) ++ [ "--with-greeting=Hello,corpus!" ];
  });
  hello-plain = prev.hello;
}
