# nixpkgs' check-meta, for mkDerivation: whether a package may be evaluated (not
# broken, not unfree, supported on the host platform, not insecure, and, with
# `config.checkMeta`, an outputsToInstall naming only its outputs), the meta
# attributes that say so (`available`, `unfree`, `unsupported`, `insecure`,
# `position`), and nixpkgs' error when it may not. The configuration is the
# standard library's `config` (`import <ferrix> { config = { ... }; }`), with
# nixpkgs' names: allowBroken, allowUnfree, allowUnfreePredicate,
# allowUnsupportedSystem, allowInsecurePredicate, permittedInsecurePackages,
# allowlistedLicenses, blocklistedLicenses, checkMeta; and nixpkgs' environment
# variables NIXPKGS_ALLOW_BROKEN, NIXPKGS_ALLOW_UNFREE,
# NIXPKGS_ALLOW_UNSUPPORTED_SYSTEM and NIXPKGS_ALLOW_INSECURE (=1). The types of meta
# attributes are not checked. The messages are those of nixpkgs' check-meta before
# its 2025 rewording ("Package ‘NAME’ in FILE:LINE is marked as broken, refusing to
# evaluate."); the help after them names Ferrix's way to allow the package.
{ lib, config }:
let
  inherit (builtins) elem getEnv filter concatStringsSep;

  envAllows = name: getEnv "NIXPKGS_ALLOW_${name}" == "1";

  allowBroken = config.allowBroken or false || envAllows "BROKEN";
  allowUnfree = config.allowUnfree or false || envAllows "UNFREE";
  allowUnsupportedSystem = config.allowUnsupportedSystem or false || envAllows "UNSUPPORTED_SYSTEM";
  allowInsecure = envAllows "INSECURE";
  checkMeta = config.checkMeta or false;

  allowlist = config.allowlistedLicenses or config.whitelistedLicenses or [ ];
  blocklist = config.blocklistedLicenses or config.blacklistedLicenses or [ ];

  licensesOf = attrs: lib.toList attrs.meta.license;
  hasListedLicense =
    list: attrs:
    list != [ ] && attrs ? meta.license && builtins.any (l: elem l list) (licensesOf attrs);

  # A set is unfree when `free = false`, a list when one of its elements is (an
  # element without `free`, or a string, is not), a string never (nixpkgs' rule).
  isUnfree = licenses: builtins.any (l: !(l.free or true)) (lib.toList licenses);
  hasUnfreeLicense = attrs: attrs ? meta.license && isUnfree attrs.meta.license;

  hasDeniedUnfreeLicense =
    attrs:
    !allowUnfree
    && hasUnfreeLicense attrs
    && !(lib.isFunction (config.allowUnfreePredicate or null) && config.allowUnfreePredicate attrs);

  hasUnsupportedPlatform =
    hostPlatform: attrs:
    !(lib.meta.availableOn hostPlatform attrs);

  isMarkedInsecure = attrs: (attrs.meta.knownVulnerabilities or [ ]) != [ ];
  hasDisallowedInsecure =
    attrs:
    !allowInsecure
    && isMarkedInsecure attrs
    && !(
      if config ? allowInsecurePredicate then
        config.allowInsecurePredicate attrs
      else
        elem (nameOf attrs) (config.permittedInsecurePackages or [ ])
    );

  missingOutputs =
    attrs:
    let
      outputs = attrs.outputs or [ "out" ];
    in
    filter (o: !elem o outputs) (attrs.meta.outputsToInstall or [ ]);

  nameOf = attrs: attrs.name or "${attrs.pname}-${attrs.version}";
  showLicense = license: toString (map (l: l.shortName or l.fullName or "unknown") (lib.toList license));
  pretty = lib.generators.toPretty {
    allowPrettyValues = true;
    indent = "  ";
  };

  # The help after a message: nixpkgs' environment variable, and Ferrix's config.
  allowHelp = phrase: variable: option: ''
    a) To temporarily allow ${phrase}, you can use an environment variable
       for a single invocation of the nix tools.

         $ export NIXPKGS_ALLOW_${variable}=1

    b) Or pass the standard library's configuration:

         import <ferrix> { config.${option} = true; }
  '';

  # The reason a package may not be evaluated, or null.
  check =
    hostPlatform: attrs:
    if !(attrs ? meta) then
      null
    else if checkMeta && missingOutputs attrs != [ ] then
      {
        reason = "broken-outputs";
        errormsg = "has invalid meta.outputsToInstall";
        remediation =
          let
            name = nameOf attrs;
          in
          ''
            The package ${name} has set meta.outputsToInstall to: ${concatStringsSep ", " attrs.meta.outputsToInstall}

            however ${name} only has the outputs: ${concatStringsSep ", " (attrs.outputs or [ "out" ])}

            and is missing the following ouputs:

            ${lib.concatStrings (map (o: "  - ${o}\n") (missingOutputs attrs))}
          '';
      }
    else if hasDeniedUnfreeLicense attrs && !hasListedLicense allowlist attrs then
      {
        reason = "unfree";
        errormsg = "has an unfree license (‘${showLicense attrs.meta.license}’)";
        remediation =
          allowHelp "unfree packages" "UNFREE" "allowUnfree"
          + ''

            c) Or allow this package only:

                 import <ferrix> { config.allowUnfreePredicate = pkg: builtins.elem (lib.getName pkg) [ "${lib.getName attrs}" ]; }
          '';
      }
    else if hasListedLicense blocklist attrs then
      {
        reason = "blocklisted";
        errormsg = "has a blocklisted license (‘${showLicense attrs.meta.license}’)";
        remediation = "";
      }
    else if !allowBroken && (attrs.meta.broken or false) then
      {
        reason = "broken";
        errormsg = "is marked as broken";
        remediation = allowHelp "broken packages" "BROKEN" "allowBroken";
      }
    else if !allowUnsupportedSystem && hasUnsupportedPlatform hostPlatform attrs then
      {
        reason = "unsupported";
        errormsg = ''
          is not available on the requested hostPlatform:
            hostPlatform.config = "${hostPlatform.config}"
            package.meta.platforms = ${pretty (attrs.meta.platforms or [ ])}
            package.meta.badPlatforms = ${pretty (attrs.meta.badPlatforms or [ ])}
        '';
        remediation =
          allowHelp "packages that are unsupported for this system" "UNSUPPORTED_SYSTEM"
            "allowUnsupportedSystem";
      }
    else if hasDisallowedInsecure attrs then
      {
        reason = "insecure";
        errormsg = "is marked as insecure";
        remediation = ''

          Known issues:
          ${lib.concatStrings (map (issue: " - ${issue}\n") attrs.meta.knownVulnerabilities)}
          You can install it anyway by allowing this package:

            import <ferrix> { config.permittedInsecurePackages = [ "${nameOf attrs}" ]; }
        '';
      }
    else
      null;
in
{
  # { valid = "yes" | "no"; handled } for mkDerivation's arguments `attrs` and their
  # final `meta`; `handled` is true, or throws nixpkgs' message.
  assertValidity =
    hostPlatform:
    { meta, attrs }:
    let
      invalid = check hostPlatform attrs;
      position = meta.position or "«unknown-file»";
    in
    if invalid == null then
      {
        valid = "yes";
        handled = true;
      }
    else
      {
        valid = "no";
        handled = throw (
          "Package ‘${nameOf attrs}’ in ${position} ${invalid.errormsg}, refusing to evaluate.\n\n"
          + invalid.remediation
        );
      };

  # The meta attributes check-meta adds after the package's own.
  extraMeta = hostPlatform: validity: attrs: {
    unfree = hasUnfreeLicense attrs;
    unsupported = hasUnsupportedPlatform hostPlatform attrs;
    insecure = isMarkedInsecure attrs;
    available = validity.valid != "no";
  };
}
