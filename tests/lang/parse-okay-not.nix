a: b: !a == !b
