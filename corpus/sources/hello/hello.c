/* The corpus's hello: prints its greeting, or the one given as its argument. */
#include <stdio.h>

int main(int argc, char **argv) {
    puts(argc > 1 ? argv[1] : GREETING);
    return 0;
}
