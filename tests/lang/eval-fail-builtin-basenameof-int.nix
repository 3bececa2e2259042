baseNameOf 1
