#include "domain/hierarchy/ResellerLookup.h"

#include "domain/validation/AsciiText.h"

#include <set>

namespace ict::domain {

std::vector<std::string> resellerIdsNeedingLookup(const std::vector<Subscription>& subscriptions,
                                                  const std::vector<Reseller>& knownResellers) {
    std::vector<std::string> partnerIds;
    for (const Subscription& subscription : subscriptions)
        partnerIds.push_back(trimAscii(subscription.partnerId));
    return resellerIdsNeedingLookup(partnerIds, knownResellers);
}

std::vector<std::string> resellerIdsNeedingLookup(const std::vector<std::string>& partnerIds,
                                                  const std::vector<Reseller>& knownResellers) {
    std::set<std::string> known;
    for (const Reseller& reseller : knownResellers)
        if (!trimAscii(reseller.name).empty())
            known.insert(trimAscii(reseller.mpnId));
    std::set<std::string> needed;
    for (const std::string& partnerId : partnerIds) {
        const std::string id = trimAscii(partnerId);
        if (!id.empty() && known.count(id) == 0)
            needed.insert(id);
    }
    return {needed.begin(), needed.end()};
}

} // namespace ict::domain
