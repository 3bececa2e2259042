[ (baseNameOf ./..) (baseNameOf ../.) (./.. == ../.) (baseNameOf ../../tests/lang) ]
