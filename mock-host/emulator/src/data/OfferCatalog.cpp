#include "data/OfferCatalog.h"

namespace mockhost::emulator {

const std::vector<Offer>& OfferCatalog::all() {
    static const std::vector<Offer> offers = {
        {OfferFamily::NewCommerce, "CFQ7TTC0LH18:0001:CFQ7TTC0K971", "Microsoft 365 Business Basic",
         false},
        {OfferFamily::NewCommerce, "CFQ7TTC0LDPB:0001:CFQ7TTC0K5DM",
         "Microsoft 365 Business Standard", false},
        {OfferFamily::NewCommerce, "CFQ7TTC0LF8Q:0001:CFQ7TTC0K2BR", "Office 365 E3", false},
        {OfferFamily::NewCommerce, "CFQ7TTC0LH16:0001:CFQ7TTC0K8P5", "Exchange Online (Plan 1)",
         false},
        {OfferFamily::NewCommerce, "CFQ7TTC0LHSF:0001:CFQ7TTC0K6Q1",
         "Microsoft Teams Audio Conferencing with dial-out to USA/CAN", true},
        {OfferFamily::LegacyLicense, "796B6B5F-613C-4E24-A17C-EBA730D49C02", "Office 365 E3",
         false},
        {OfferFamily::LegacyLicense, "3F2B6F4A-0B1C-4C8E-9C0D-6A1E2F3B4C5D",
         "Office 365 Extra File Storage", true},
        {OfferFamily::LegacyAzure, "MS-AZR-0145P", "Microsoft Azure", false},
        {OfferFamily::AzurePlan, "DZH318Z0BPS6:0001:DZH318Z0BML6", "Azure plan", false},
    };
    return offers;
}

std::vector<const Offer*> OfferCatalog::byFamily(OfferFamily family, bool addOn) {
    std::vector<const Offer*> found;
    for (const auto& offer : all())
        if (offer.family == family && offer.addOn == addOn)
            found.push_back(&offer);
    return found;
}

} // namespace mockhost::emulator
