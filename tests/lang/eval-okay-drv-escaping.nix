# Characters the ATerm serialisation of a .drv has to escape, in env values, args and
# attribute names.
let
  mk = attrs: (derivation ({ name = "escaping"; system = "x"; builder = "/b"; } // attrs)).drvPath;
in
{
  quote = mk { v = "say \"hi\""; };
  backslash = mk { v = "a\\b\\\\c"; };
  newline = mk { v = "line1\nline2\n"; };
  tab = mk { v = "a\tb"; };
  cr = mk { v = "a\rb"; };
  unicode = mk { v = "héllo → 世界 😀"; };
  dollar = mk { v = "\${not} $interp"; };
  all = mk { v = "\"\\\n\t\r"; };
  args = mk { args = [ "\"" "\\" "\n" "\t" "ü" ]; };
  attrName = mk { "weird \"name\"\n" = "x"; };
  builderEsc = (derivation { name = "escaping"; system = "s\"y\\s"; builder = "/b\n"; }).drvPath;
}
