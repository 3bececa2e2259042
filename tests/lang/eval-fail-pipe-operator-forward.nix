[ 1 2 ] |> builtins.length
