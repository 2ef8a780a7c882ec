#pragma once
/// The organization's BSS accounts reduced to their match keys ([S11], [B7]), so the audit of a
/// 100,000-tenant hierarchy can find the few accounts a batch of tenants may relate to without
/// holding every account: 16 bytes per key (a 64-bit hash of the key as AccountKeys.h normalises
/// it, its kind folded in, and the account id), at most three keys per account.
///
/// A hash may collide, so candidates() may name an account that does not relate (never one less):
/// the audit builds a BssAccountIndex from the candidates' full records, which decides. Pure; add()
/// and seal() are not thread-safe; after seal() the index is immutable and may be read from
/// several threads.

#include <cstdint>
#include <string>
#include <vector>

namespace ict::domain {

class AccountKeyIndex {
public:
    /// Adds an account's keys; empty keys are not added.
    void add(std::int64_t accountId, const std::string& name, const std::string& externalTenantId,
             const std::string& primaryDomain);

    /// Orders the keys for lookup. Call once, after the last add().
    void seal();

    /// The ids of every account whose tenant id, primary domain or company name key may equal the
    /// tenant's; sorted, distinct. Requires seal().
    std::vector<std::int64_t> candidates(const std::string& tenantId,
                                         const std::string& primaryDomain,
                                         const std::string& companyName) const;

    /// Keys held (for logs and benchmarks).
    std::size_t keys() const { return _entries.size(); }

private:
    struct Entry {
        std::uint64_t hash = 0;
        std::int64_t accountId = 0;
    };
    void addKey(char kind, const std::string& key, std::int64_t accountId);
    void collect(char kind, const std::string& key, std::vector<std::int64_t>& into) const;

    std::vector<Entry> _entries;
};

} // namespace ict::domain
