map builtins.splitVersion [ "1.0pre1" "x-1" "1-2-3" "1.2.3.4.5" "a1b2c3" "..." ]
