#pragma once
/// Per-run facts every gateway call carries: the MS-CorrelationId of the run (one GUID per job run,
/// chosen by the caller) and a cancellation check, asked between attempts and between pages.

#include <functional>
#include <string>

namespace ict::gateway {

struct RequestContext {
    std::string correlationId;         ///< Sent as MS-CorrelationId; empty = not sent.
    std::function<bool()> isCancelled; ///< May be empty (never cancelled). Must be thread-safe.

    bool cancelled() const { return isCancelled && isCancelled(); }
};

} // namespace ict::gateway
