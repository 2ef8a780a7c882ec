#pragma once

#include <cstdint>
#include <string>

namespace mockhost::emulator {

/// Who sells to the generated tenants: the partner itself, its indirect resellers, or both.
enum class SalesModel { Direct, Indirect, Both };

/// Parses "direct" | "indirect" | "both"; throws Poco::InvalidArgumentException naming the value.
SalesModel parseSalesModel(const std::string& text);
std::string toString(SalesModel model);

struct GeneratorOptions {
    std::uint64_t seed = 42;
    int tenantCount = 200;
    SalesModel model = SalesModel::Both;
    /// Indirect resellers; 0 = about one per 25 tenants (at least 3). Ignored for Direct.
    int resellerCount = 0;
    /// An ordinary tenant gets 1 to this many subscriptions (8% get none; about one in 150 is a
    /// heavy tenant with 100-220). 8 gives ~5.1 subscriptions a tenant on average, 10 gives ~6.1.
    int maxSubscriptionsPerTenant = 8;
};

} // namespace mockhost::emulator
