#pragma once

#include <optional>
#include <string>

namespace mockhost::emulator {

/// A partial update to a subscription; unset members stay as they are.
struct SubscriptionChange {
    std::optional<int> quantity;
    std::optional<std::string> status;
    std::optional<bool> autoRenewEnabled;
    std::optional<std::string> friendlyName;
};

} // namespace mockhost::emulator
