# An overlay that extends the minipy scope with overrideScope.
final: prev: {
  minipyPackages = prev.minipyPackages.overrideScope (self: super: {
    six = super.six.overrideAttrs (old: { patched = true; });
    requests = self.buildMinipyPackage {
      pname = "requests";
      version = "2.31.0";
      deps = [ self.six ];
    };
  });
}
