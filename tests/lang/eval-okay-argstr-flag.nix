{ name ? "no", other ? "o" }: "hello ${name} ${other}"
