#pragma once
/// One page of a Partner Center collection and how to ask for the next one.

#include <string>
#include <utility>
#include <vector>

namespace ict::gateway {

/// links.next of a collection: a relative uri (with or without /v1) and the headers to send with
/// it (MS-ContinuationToken).
struct NextLink {
    std::string uri;
    std::vector<std::pair<std::string, std::string>> headers;
};

template <typename T> struct CollectionPage {
    std::vector<T> items;
    std::string continuationToken; ///< Top-level continuationToken; empty when none.
    bool hasNextLink = false;
    NextLink next;

    bool hasMore() const { return hasNextLink || !continuationToken.empty(); }
};

} // namespace ict::gateway
