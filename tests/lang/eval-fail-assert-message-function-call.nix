let isOk = v: v > 10; in assert isOk 5; "no"
