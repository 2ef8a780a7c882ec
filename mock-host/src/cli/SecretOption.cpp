#include "cli/SecretOption.h"

#include <fstream>
#include <iostream>
#include <stdexcept>

namespace mockhost {
namespace {

std::string firstLine(std::istream& in) {
    std::string line;
    std::getline(in, line);
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

} // namespace

std::optional<std::string> secretOption(const CommandLine& line, const std::string& name,
                                        bool required) {
    const std::optional<std::string> inline_ = line.optional(name);
    const std::optional<std::string> file = line.optional(name + "-file");
    if (inline_ && file)
        throw std::invalid_argument("--" + name + " and --" + name +
                                    "-file: give the secret one way only");
    if (inline_) {
        std::cerr << "warning: --" << name
                  << " on the command line can be read by other users of this machine (ps, shell "
                     "history); use --"
                  << name << "-file PATH, or --" << name << "-file - to type or pipe it"
                  << std::endl;
        return inline_;
    }
    if (!file) {
        if (required)
            throw std::invalid_argument("--" + name + "-file (or --" + name + ") is required");
        return std::nullopt;
    }
    std::string secret;
    if (*file == "-") {
        secret = firstLine(std::cin);
    } else {
        std::ifstream in(*file);
        if (!in)
            throw std::invalid_argument("--" + name + "-file: '" + *file + "' cannot be read");
        secret = firstLine(in);
    }
    if (secret.empty())
        throw std::invalid_argument("--" + name + "-file: '" + *file + "' holds no secret");
    return secret;
}

} // namespace mockhost
