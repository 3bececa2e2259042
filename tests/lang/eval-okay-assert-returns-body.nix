let x = 5; in assert x > 0; assert x < 10; x * 2
