[ 1 "two" 3.0 null true [ ] { } (x: x) ]
