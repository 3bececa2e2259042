# lib.generators: only toPretty, which assertion messages use.
{ lib }:
let
  inherit (builtins)
    isAttrs
    isList
    isString
    isFunction
    concatStringsSep
    ;
  inherit (lib.strings) escape escapeNixIdentifier;
in
{
  # A value as Nix-like text; `multiline` puts list and set elements on their own
  # lines, indented by two spaces a level.
  toPretty =
    {
      multiline ? true,
      indent ? "",
      ...
    }:
    let
      show =
        ind: v:
        let
          open = if multiline then "\n${ind}  " else " ";
          close = if multiline then "\n${ind}" else " ";
          inner = show (ind + "  ");
        in
        if v == null then
          "null"
        else if builtins.isBool v then
          lib.trivial.boolToString v
        else if builtins.isInt v || builtins.isFloat v then
          toString v
        else if isString v then
          let
            lines = builtins.filter isString (builtins.split "\n" v);
            quoted = l: escape [ "\\" "\"" "\${" ] l;
          in
          if multiline && builtins.length lines > 1 then
            let
              escaped = map (escape [ "$" "''" ]) lines;
              lastLine = lib.lists.last escaped;
            in
            "''"
            + open
            + concatStringsSep open (lib.lists.init escaped)
            + (if lastLine == "" then close else open + lastLine)
            + "''"
          else
            "\"" + concatStringsSep "\\n" (map quoted lines) + "\""
        else if builtins.isPath v then
          toString v
        else if isList v then
          if v == [ ] then "[ ]" else "[" + open + concatStringsSep open (map inner v) + close + "]"
        else if isFunction v then
          let
            args = builtins.functionArgs v;
            shown = lib.attrsets.mapAttrsToList (name: opt: name + (if opt then "?" else "")) args;
          in
          if args == { } then "<function>" else "<function, args: {${concatStringsSep ", " shown}}>"
        else if isAttrs v then
          if v ? __pretty then
            v.__pretty v.val
          else if v == { } then
            "{ }"
          else if lib.attrsets.isDerivation v then
            "<derivation ${v.name or "???"}>"
          else
            "{"
            + open
            + concatStringsSep open (
              lib.attrsets.mapAttrsToList (name: value: "${escapeNixIdentifier name} = ${inner value};") v
            )
            + close
            + "}"
        else
          abort "generators.toPretty: should never happen (v = ${toString v})";
    in
    show indent;
}
