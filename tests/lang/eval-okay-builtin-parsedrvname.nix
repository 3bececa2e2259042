map builtins.parseDrvName [ "nix-2.34.0" "hello" "foo-bar-1.2" "foo-bar-baz" "a-1b" "x-1.0-pre" "-1" "foo-" ]
