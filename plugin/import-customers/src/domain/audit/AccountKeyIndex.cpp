#include "domain/audit/AccountKeyIndex.h"

#include "domain/audit/AccountKeys.h"

#include <algorithm>

namespace ict::domain {
namespace {

/// FNV-1a over the kind and the key: a stable, well-spread 64-bit hash in a few lines.
std::uint64_t keyHash(char kind, const std::string& key) {
    std::uint64_t hash = 14695981039346656037ull;
    const auto mix = [&](unsigned char byte) {
        hash ^= byte;
        hash *= 1099511628211ull;
    };
    mix(static_cast<unsigned char>(kind));
    for (const char c : key)
        mix(static_cast<unsigned char>(c));
    return hash;
}

} // namespace

void AccountKeyIndex::addKey(char kind, const std::string& key, std::int64_t accountId) {
    if (!key.empty())
        _entries.push_back({keyHash(kind, key), accountId});
}

void AccountKeyIndex::add(std::int64_t accountId, const std::string& name,
                          const std::string& externalTenantId, const std::string& primaryDomain) {
    addKey('t', idMatchKey(externalTenantId), accountId);
    addKey('d', domainMatchKey(primaryDomain), accountId);
    addKey('n', nameMatchKey(name), accountId);
}

void AccountKeyIndex::seal() {
    std::sort(_entries.begin(), _entries.end(), [](const Entry& a, const Entry& b) {
        return a.hash != b.hash ? a.hash < b.hash : a.accountId < b.accountId;
    });
    _entries.shrink_to_fit();
}

void AccountKeyIndex::collect(char kind, const std::string& key,
                              std::vector<std::int64_t>& into) const {
    if (key.empty())
        return;
    const std::uint64_t hash = keyHash(kind, key);
    auto it = std::lower_bound(_entries.begin(), _entries.end(), hash,
                               [](const Entry& entry, std::uint64_t h) { return entry.hash < h; });
    for (; it != _entries.end() && it->hash == hash; ++it)
        into.push_back(it->accountId);
}

std::vector<std::int64_t> AccountKeyIndex::candidates(const std::string& tenantId,
                                                      const std::string& primaryDomain,
                                                      const std::string& companyName) const {
    std::vector<std::int64_t> ids;
    collect('t', idMatchKey(tenantId), ids);
    collect('d', domainMatchKey(primaryDomain), ids);
    collect('n', nameMatchKey(companyName), ids);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

} // namespace ict::domain
