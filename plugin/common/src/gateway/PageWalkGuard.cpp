#include "gateway/PageWalkGuard.h"

#include "gateway/GatewayError.h"

#include <Poco/String.h>

namespace ict::gateway {
namespace {

const char* const kContinuationHeader = "MS-ContinuationToken";

/// FNV-1a: stable across runs and platforms, unlike std::hash, so a failure reproduces.
std::uint64_t fingerprint(const std::string& text) {
    std::uint64_t hash = 1469598103934665603ull;
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

} // namespace

PageWalkGuard::PageWalkGuard(std::string call, int maxPages, int maxEmptyPages)
    : _call(std::move(call)), _maxPages(maxPages), _maxEmptyPages(maxEmptyPages) {}

void PageWalkGuard::next(std::size_t items, const std::string& token) {
    ++_pages;
    if (_pages >= _maxPages)
        throw GatewayError::malformed(_call, "the list still had more after " +
                                                 std::to_string(_pages) +
                                                 " pages; stopped as endless");
    _emptyInARow = items == 0 ? _emptyInARow + 1 : 0;
    if (_emptyInARow >= _maxEmptyPages)
        throw GatewayError::malformed(_call, std::to_string(_emptyInARow) +
                                                 " pages in a row without items still said "
                                                 "there was more; stopped as endless");
    if (!token.empty() && !_seen.insert(fingerprint(token)).second)
        throw GatewayError::malformed(_call, "page " + std::to_string(_pages) +
                                                 " led on with a continuation token an earlier "
                                                 "page had given; stopped as a cycle");
}

HeaderList continuationHeaders(const HeaderList& requested, const std::string& call) {
    HeaderList kept;
    for (const auto& [name, value] : requested) {
        if (Poco::icompare(name, kContinuationHeader) != 0)
            continue;
        for (unsigned char c : value)
            if (c < 0x20 || c == 0x7f)
                throw GatewayError::malformed(call, "links.next.headers: the " +
                                                        std::string(kContinuationHeader) +
                                                        " value holds a control character");
        kept.emplace_back(kContinuationHeader, value);
    }
    return kept;
}

} // namespace ict::gateway
