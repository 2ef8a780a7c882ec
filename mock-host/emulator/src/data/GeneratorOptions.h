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
};

} // namespace mockhost::emulator
