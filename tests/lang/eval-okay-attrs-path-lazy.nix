# The sets attribute paths build are thunks until forced, static or dynamic (lazy
# output prints them as <CODE>); values that are already known print as they are.
let k = "dyn"; in rec {
  a.b = 1;
  c = 2;
  ${k}.x = c;
  d = { e = 1; };
  d.f = 2;
  g = a;
}
