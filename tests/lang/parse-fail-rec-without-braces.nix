rec x
