// The mock host executable: everything lives in mock_host_core.
#include "cli/Commands.h"

int main(int argc, char** argv) {
    return mockhost::runMockHost(argc, argv);
}
