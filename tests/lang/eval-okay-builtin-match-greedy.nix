[ (builtins.match "(.*)-(.*)" "a-b-c") (builtins.match "(.*?)-(.*)" "a-b-c") (builtins.match "([^-]*)-(.*)" "a-b-c") ]
