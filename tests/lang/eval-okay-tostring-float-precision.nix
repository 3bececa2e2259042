[ (toString 3.14159265358979) (toString 123456789.0) (toString 0.000001) (toString (1.0 / 3)) (toString 1.0e-7) (toString 100.0) ]
