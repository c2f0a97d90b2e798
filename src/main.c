/* main.c - the gnbv program: hands argv to the command table (cli.c). */
#include <locale.h>

#include "cli/cli.h"

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "C");
	return cli_main(argc, argv);
}
