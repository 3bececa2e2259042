x: "plain lambdas are not auto-called"
