# `+` with a set on the left coerces it as interpolation does (outPath or __toString),
# also when the attribute is unevaluated or itself a set.
let x = "/q"; in [
  ({ outPath = "/x"; } + "/d")
  ({ __toString = s: "T"; } + "u")
  ({ outPath = "/x"; } + { outPath = "y"; })
  ({ outPath = x + ""; } + "r")
  ({ outPath = { outPath = "deep"; }; } + "!")
  ("a" + { outPath = "x"; })
]
