/* greet-cli: libgreet's own command. */
#include <greet.h>

int main(int argc, char **argv) {
    greet(argc > 1 ? argv[1] : "command line");
    return 0;
}
