builtins.fromJSON " \n\t {\"日本\" : \"語\" , \"\" : \"\"}  \n"
