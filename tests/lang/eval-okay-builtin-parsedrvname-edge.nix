map builtins.parseDrvName [ "a-b-c-1" "name-1-2" "x-y1" "a--1" "" "n-1a-2" ]
