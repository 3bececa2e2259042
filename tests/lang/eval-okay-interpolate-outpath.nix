"${{ outPath = "out"; }}-${{ __toString = _: "ts"; }}"
