{ a }@b
