# callPackage, override and scopes, with the names and meanings of nixpkgs'
# lib.customisation (written afresh, simplified).
{ lib }:
let
  inherit (builtins) isFunction isAttrs intersectAttrs attrNames filter;
in
rec {
  # A function that behaves as f but whose builtins.functionArgs-equivalent
  # (lib.functionArgs) is args: a functor carrying __functionArgs.
  setFunctionArgs = f: args: {
    __functor = self: f;
    __functionArgs = args;
  };

  # Like builtins.functionArgs, but honours setFunctionArgs.
  functionArgs = f:
    if f ? __functor
    then f.__functionArgs or (functionArgs (f.__functor f))
    else builtins.functionArgs f;

  isFunctionLike = f: isFunction f || (isAttrs f && f ? __functor);

  # Calls f with origArgs and adds to the result (when it is an attribute set):
  #   override newArgs      -- calls f again with origArgs // newArgs (newArgs may be a
  #                            function of origArgs)
  #   overrideAttrs g       -- when the result has overrideAttrs, applies it but keeps
  #                            `override` working on the new result
  makeOverridable = f:
    let
      mk = origArgs:
        let
          result = f origArgs;
          overrideWith = newArgs:
            origArgs // (if isFunctionLike newArgs then newArgs origArgs else newArgs);
          # Applies g to f's results from now on (so that a later `override` keeps it).
          overrideResult = g: makeOverridable (args: g (f args)) origArgs;
          extra = {
            override = newArgs: mk (overrideWith newArgs);
          } // lib.optionalAttrs (result ? overrideAttrs) {
            overrideAttrs = fdrv: overrideResult (x: x.overrideAttrs fdrv);
          };
        in
        if isAttrs result then result // extra
        else if isFunction result then setFunctionArgs result (functionArgs result) // extra
        else result;
    in
    setFunctionArgs mk (functionArgs f);

  # Calls fn (a function or a file containing one) with the attributes of autoArgs that
  # it names, overridden by args, and makes the result overridable. Fails with the list of
  # the arguments that are neither in autoArgs nor in args nor defaulted.
  callPackageWith = autoArgs: fn: args:
    let
      f = if isFunctionLike fn then fn else import fn;
      fargs = functionArgs f;
      allArgs = intersectAttrs fargs autoArgs // args;
      missing = filter (n: !fargs.${n} && !allArgs ? ${n}) (attrNames fargs);
    in
    if missing == [ ] then makeOverridable f allArgs
    else abort "callPackageWith: ${toString fn} needs ${lib.concatStringsSep ", " missing}";

  # Like callPackageWith, for functions returning a set of packages.
  callPackagesWith = autoArgs: fn: args:
    let
      f = if isFunctionLike fn then fn else import fn;
      auto = intersectAttrs (functionArgs f) autoArgs;
    in
    builtins.mapAttrs (_: drv: drv) (f (auto // args));

  # A package scope: a fixed point of f in which callPackage sees the scope first and
  # then the enclosing set (through newScope), with overrideScope to add an overlay.
  makeScope = newScope: f:
    let
      self = f self // {
        newScope = scope: newScope (self // scope);
        callPackage = self.newScope { };
        overrideScope = g: makeScope newScope (lib.extends g f);
        packages = f;
        recurseForDerivations = true;
      };
    in
    self;
}
