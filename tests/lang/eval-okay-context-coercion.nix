# The builtins that coerce their argument: sets through outPath or __toString.
{
  discarded = builtins.unsafeDiscardStringContext { outPath = "a"; };
  outputs = builtins.unsafeDiscardOutputDependency { __toString = self: "b"; };
  hasNone = builtins.hasContext (builtins.unsafeDiscardStringContext { outPath = "c"; });
}
