#pragma once

#include <string>
#include <vector>

namespace mockhost::emulator {

/// The offer families the generator draws from (see reference §4.3).
enum class OfferFamily { NewCommerce, LegacyLicense, LegacyAzure, AzurePlan };

struct Offer {
    OfferFamily family;
    std::string offerId; ///< NCE/plan: productId:skuId:availabilityId; legacy: GUID or MS-AZR-0145P
    std::string name;
    bool addOn; ///< can only be bought on top of a base subscription
};

/// The offers the demo products use, plus a couple of add-ons. Add-on ids and the availability
/// parts of the NCE ids other than CFQ7TTC0LH18:0001:CFQ7TTC0K971 are illustrative.
class OfferCatalog {
public:
    static const std::vector<Offer>& all();
    static std::vector<const Offer*> byFamily(OfferFamily family, bool addOn);
};

} // namespace mockhost::emulator
