#pragma once

#include "data/DataSet.h"
#include "data/GeneratorOptions.h"

namespace mockhost::emulator {

/// Builds a realistic DataSet deterministically: the same options give the same data, byte for
/// byte. The mix: direct and Tier-2 tenants, tenants served by several sellers, NCE
/// (monthly/annual/triennial), legacy licence and Azure offers, Azure plans, add-ons, suspended/
/// expired/deleted subscriptions, unicode and duplicate company names, tenants with none and a
/// few with hundreds of subscriptions (about 6 per tenant on average). Dates are relative to a
/// fixed reference day (2026-11-01), not the wall clock.
class DataGenerator {
public:
    /// Throws Poco::InvalidArgumentException for a negative tenant or reseller count.
    static DataSet generate(const GeneratorOptions& options);
};

} // namespace mockhost::emulator
