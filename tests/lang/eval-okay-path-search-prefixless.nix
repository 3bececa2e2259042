baseNameOf <imported.nix>
