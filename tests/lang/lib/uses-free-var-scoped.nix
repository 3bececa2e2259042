"secret is ${secret}"
