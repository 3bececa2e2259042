"${{ outPath = 1; }}"
