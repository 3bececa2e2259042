# The last operand of a long chain.
{ } // { } // { } // (throw "last")
