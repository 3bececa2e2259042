# A left-nested chain: the failing operand is the right one of its own update.
({ } // (1 + 1)) // { }
