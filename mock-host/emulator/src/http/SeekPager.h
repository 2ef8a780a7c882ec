#pragma once

#include "EmulatorOptions.h"
#include "http/ApiRequest.h"
#include "http/Reply.h"

#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <vector>

namespace mockhost::emulator {

/// Where a seek-paged listing stands: which listing (scope, e.g. "customers"), its query (e.g.
/// the filter JSON), the next offset and the page size.
struct SeekCursor {
    std::string scope;
    std::string query;
    std::size_t offset = 0;
    int size = 0;
};

/// Seek paging as Partner Center does it: a page carries "continuationToken" and links.next
/// {uri, method, headers:[{key:"MS-ContinuationToken", value}]}; the next request repeats the
/// path with seekOperation=Next and the token in the MS-ContinuationToken header. Tokens are
/// opaque to clients (base64 of the cursor), so the emulator needs no server-side session.
class SeekPager {
public:
    static std::string encode(const SeekCursor& cursor);
    static std::optional<SeekCursor> decode(const std::string& token);

    /// Resolves the cursor of a request: a continuation (seekOperation=Next + header) or a
    /// first page (size from the query, `query` as given). On a bad request returns nullopt and
    /// sets `error` (400 code 2000, as Partner Center answers bad or exhausted tokens).
    static std::optional<SeekCursor> cursorFor(const ApiRequest& request, const std::string& scope,
                                               const std::string& query,
                                               const CompatibilityOptions& compatibility,
                                               Reply& error);

    /// The range [first, last) of a listing of `total` items that the cursor's page covers.
    static std::pair<std::size_t, std::size_t> range(const SeekCursor& cursor, std::size_t total);

    /// The collection envelope for one page. `pageItems` are the items in range(cursor, total)
    /// (only those are rendered, so long listings stay cheap). `pathWithoutV1` is e.g.
    /// "/customers"; `extraQuery` is appended to self/next links (already encoded, may be "").
    static Poco::JSON::Object::Ptr page(const std::vector<Poco::JSON::Object::Ptr>& pageItems,
                                        std::size_t total, const SeekCursor& cursor,
                                        const std::string& pathWithoutV1,
                                        const std::string& extraQuery,
                                        const CompatibilityOptions& compatibility);
};

} // namespace mockhost::emulator
