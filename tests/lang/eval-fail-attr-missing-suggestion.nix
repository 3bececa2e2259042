let pkgs = { hello = 1; help = 2; world = 3; }; in pkgs.helo
