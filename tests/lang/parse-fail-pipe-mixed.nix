a |> b <| c
