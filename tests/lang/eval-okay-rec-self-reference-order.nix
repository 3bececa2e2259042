rec { z = y + 1; y = x + 1; x = 1; }
