/* greet: a program of libgreet's, which it finds through its build inputs alone
   (no -I, -L or rpath of its own). */
#include <greet.h>

int main(int argc, char **argv) {
    greet(argc > 1 ? argv[1] : "world");
    return 0;
}
