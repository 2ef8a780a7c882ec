#pragma once
/// A secret given to a command (an app secret, a refresh token, a password). `--<name>-file PATH`
/// reads it from the file's first line, and `--<name>-file -` from standard input: neither shows
/// it to other users in `ps` or the shell history. `--<name> VALUE` still works, with a warning on
/// standard error saying so.
#include "cli/CommandLine.h"

#include <optional>
#include <string>

namespace mockhost {

/// The secret of option `name`, or nullopt when neither form is given and it is not `required`.
/// Throws std::invalid_argument naming the option when both forms are given, when a required
/// one is missing, when the file cannot be read (naming the path) or when it is empty.
std::optional<std::string> secretOption(const CommandLine& line, const std::string& name,
                                        bool required);

} // namespace mockhost
