"a plain value ignores --arg"
