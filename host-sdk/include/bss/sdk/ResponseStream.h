#pragma once
/// Where a streamed action writes its answer (since ABI 1.1): the host passes the bytes on to the
/// caller as they come (an HTTP response in chunks, a file, standard output), so an export of any
/// size is held whole by neither the tool nor the host.
///
/// Implemented by the host; lent to Tool::stream() for the duration of that call and used from
/// its thread only.

#include <string>

namespace bss::sdk {

class ResponseStream {
public:
    virtual ~ResponseStream() = default;

    /// Call once, before the first write(): the body's media type (e.g. "text/csv;
    /// charset=utf-8") and the file name a download is saved under (no path).
    virtual void begin(const std::string& contentType, const std::string& fileName) = 0;

    /// Appends `bytes` to the body. Returns false when the caller has gone away: stop writing and
    /// return.
    virtual bool write(const std::string& bytes) = 0;
};

} // namespace bss::sdk
