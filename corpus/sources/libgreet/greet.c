#include <stdio.h>
#include "greet.h"

void greet(const char *who) {
    printf("Greetings, %s!\n", who);
}
