throw "first line\nsecond line\n  indented third"
