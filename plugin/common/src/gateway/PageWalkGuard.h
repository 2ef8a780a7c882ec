#pragma once
/// The checks that keep one list walk finite whatever the server answers: a continuation token
/// seen before (a cycle of any length, not only the same token twice in a row), more pages than
/// ClientOptions::maxPages, or maxEmptyPages pages in a row that hold no item yet say there is
/// more. Each ends the walk with GatewayError::malformed naming the call and what was seen.
/// The tokens seen are kept as 64-bit hashes, so the walk's memory is 8 bytes a page.

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace ict::gateway {

class PageWalkGuard {
public:
    PageWalkGuard(std::string call, int maxPages, int maxEmptyPages);

    /// Records a page of `items` items that leads on with `token` (may be empty: a next link
    /// alone). Throws GatewayError::malformed when the walk must stop.
    void next(std::size_t items, const std::string& token);

private:
    std::string _call;
    int _maxPages;
    int _maxEmptyPages;
    int _pages = 0;
    int _emptyInARow = 0;
    std::unordered_set<std::uint64_t> _seen;
};

using HeaderList = std::vector<std::pair<std::string, std::string>>;

/// The headers a next link asks for, reduced to the one a continuation needs: only
/// MS-ContinuationToken is kept (any other name is dropped: an answer must not set headers of
/// our requests), and a value with a control character (CR/LF would forge headers) throws
/// GatewayError::malformed naming `call`.
HeaderList continuationHeaders(const HeaderList& requested, const std::string& call);

} // namespace ict::gateway
