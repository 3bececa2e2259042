{ x, y ? "default-y" }: [ x y ]
