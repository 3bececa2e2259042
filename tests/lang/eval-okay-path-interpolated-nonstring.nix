let n = 3; in /tmp/x${toString n}
