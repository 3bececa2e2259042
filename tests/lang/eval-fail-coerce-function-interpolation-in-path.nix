./lib/${x: x}
