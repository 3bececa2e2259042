#include <stdio.h>

int main(void) {
    printf("%s from a configured package\n", GREETING);
    return 0;
}
