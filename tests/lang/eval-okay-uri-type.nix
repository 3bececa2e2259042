[ (builtins.typeOf http://x.org) (builtins.isString http://x.org) ]
