#pragma once

#include "EmulatorOptions.h"

#include <string>
#include <vector>

namespace mockhost::emulator {

/// The options of the standalone partner-center-emulator, read from its arguments.
struct EmulatorCommandLine {
    EmulatorOptions options;
    std::string saveData; ///< --save-data: where to write the data set; empty = not written.
    bool help = false;    ///< --help / -h: print usage() and exit.

    /// Reads `arguments` (without the program name). A wrong option or value throws
    /// Poco::InvalidArgumentException naming both. Defaults: port 8443, certificates in
    /// var/emulator; the fault generator's seed follows --seed.
    static EmulatorCommandLine parse(const std::vector<std::string>& arguments);
    static const char* usage();
};

} // namespace mockhost::emulator
