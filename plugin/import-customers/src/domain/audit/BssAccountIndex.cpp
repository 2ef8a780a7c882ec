#include "domain/audit/BssAccountIndex.h"

#include "domain/audit/AccountKeys.h"

#include <algorithm>

namespace ict::domain {

BssAccountIndex::BssAccountIndex(std::vector<BssAccount> accounts)
    : _accounts(std::move(accounts)) {
    for (std::size_t i = 0; i < _accounts.size(); ++i) {
        const BssAccount& account = _accounts[i];
        _byId.emplace(account.id, i);
        if (const std::string key = idMatchKey(account.externalTenantId); !key.empty())
            _byTenantId.emplace(key, i);
        if (const std::string key = domainMatchKey(account.primaryDomain); !key.empty())
            _byDomain.emplace(key, i);
        if (const std::string key = nameMatchKey(account.name); !key.empty())
            _byName.emplace(key, i);
        for (const std::string& subscriptionId : account.externalSubscriptionIds)
            if (const std::string key = idMatchKey(subscriptionId); !key.empty())
                _bySubscriptionId.emplace(key, i);
    }
}

std::vector<RelatedAccount> BssAccountIndex::related(const std::string& tenantId,
                                                     const std::string& primaryDomain,
                                                     const std::string& companyName) const {
    // Keys are looked at strongest first, so the first time an account is seen is its key.
    std::map<std::int64_t, MatchKey> keys;
    const auto collect = [&](const std::multimap<std::string, std::size_t>& index,
                             const std::string& key, MatchKey match) {
        if (key.empty())
            return;
        const auto range = index.equal_range(key);
        for (auto it = range.first; it != range.second; ++it)
            keys.emplace(_accounts[it->second].id, match);
    };
    collect(_byTenantId, idMatchKey(tenantId), MatchKey::MicrosoftId);
    collect(_byDomain, domainMatchKey(primaryDomain), MatchKey::PrimaryDomain);
    collect(_byName, nameMatchKey(companyName), MatchKey::CompanyName);

    std::vector<RelatedAccount> related;
    for (const auto& [accountId, key] : keys)
        related.push_back({accountId, find(accountId)->name, key});
    std::stable_sort(related.begin(), related.end(),
                     [](const RelatedAccount& a, const RelatedAccount& b) {
                         return static_cast<int>(a.key) < static_cast<int>(b.key);
                     });
    return related;
}

const BssAccount* BssAccountIndex::find(std::int64_t accountId) const {
    const auto found = _byId.find(accountId);
    return found == _byId.end() ? nullptr : &_accounts[found->second];
}

const BssAccount* BssAccountIndex::holderOfSubscription(const std::string& subscriptionId) const {
    const auto found = _bySubscriptionId.find(idMatchKey(subscriptionId));
    return found == _bySubscriptionId.end() ? nullptr : &_accounts[found->second];
}

} // namespace ict::domain
