b: /a/${b}/c
