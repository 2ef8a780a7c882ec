#pragma once
/// The outcome of checking one field a user typed: either the normalised value or an error text
/// that names the field and the value.

#include <string>

namespace ict::domain {

struct ValidatedInput {
    std::string value; ///< Normalised value; empty when invalid.
    std::string error; ///< Message for the user; empty when valid.

    bool ok() const { return error.empty(); }
};

} // namespace ict::domain
