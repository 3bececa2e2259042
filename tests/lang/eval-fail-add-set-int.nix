# The set is coerced first; then the integer cannot be.
{ outPath = "/x"; } + 1
