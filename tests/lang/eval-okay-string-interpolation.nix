let a = "A"; n = 3; in [ "x${a}y" "${a}" "${a}${a}" "${toString n}" "${"nested ${a}"}" "pre ${ "lit" } post" ]
