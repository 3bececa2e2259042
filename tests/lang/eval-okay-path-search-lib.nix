import <testlib/imported.nix>
