# An error in the middle operand of a chain of updates: one frame, at the operand.
{ a = 1; }
// (builtins.listToAttrs [ { name = 1; value = 2; } ])
// { b = 2; }
