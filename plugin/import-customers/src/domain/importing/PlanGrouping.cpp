#include "domain/importing/PlanGrouping.h"

#include <algorithm>
#include <cctype>

namespace ict::domain {
namespace {

bool sameMpn(const std::string& a, const std::string& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

} // namespace

PlanGrouping groupPlan(const ImportPlan& plan) {
    PlanGrouping grouping;
    for (std::size_t i = 0; i < plan.tenants.size(); ++i) {
        const ResellerAction& reseller = plan.tenants[i].reseller;
        if (reseller.kind == ResellerActionKind::Direct || reseller.mpnId.empty()) {
            grouping.directTenants.push_back(i);
            continue;
        }
        auto group = std::find_if(grouping.resellers.begin(), grouping.resellers.end(),
                                  [&](const ResellerGroup& candidate) {
                                      return sameMpn(candidate.mpnId, reseller.mpnId);
                                  });
        if (group == grouping.resellers.end())
            group = grouping.resellers.insert(grouping.resellers.end(),
                                              ResellerGroup{reseller.mpnId, reseller.name, {}});
        group->tenantIndexes.push_back(i);
    }
    return grouping;
}

} // namespace ict::domain
