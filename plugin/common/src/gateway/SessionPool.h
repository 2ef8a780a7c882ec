#pragma once
/// Keep-alive HTTPS sessions to one host, reused across requests. A session is lent to one request
/// at a time (sessions are not thread-safe); the pool itself is thread-safe.

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPSClientSession.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace ict::gateway {

/// An HTTPS session that can be opened (TCP connect and TLS handshake) before a request is
/// written, so its caller knows whether a failure came before anything was sent.
class GatewaySession : public Poco::Net::HTTPSClientSession {
public:
    using Poco::Net::HTTPSClientSession::HTTPSClientSession;
    /// Connects unless connected. Throws Poco::Exception; nothing has been sent then.
    void open() {
        if (!connected())
            reconnect();
    }
};

class SessionPool {
public:
    SessionPool(std::string host, std::uint16_t port, Poco::Net::Context::Ptr context,
                std::chrono::milliseconds connectTimeout, std::chrono::milliseconds ioTimeout,
                int maxIdle);

    /// An idle session, or a new (not yet connected) one; always a new one when `fresh` (a kept
    /// connection the peer closed meanwhile would make a failed send look like a sent one).
    std::unique_ptr<GatewaySession> acquire(bool fresh = false);
    /// Gives a session back after its response was read to the end. A session that failed must
    /// not be given back: drop it instead.
    void release(std::unique_ptr<GatewaySession> session);

    /// Sessions created so far (to verify reuse in tests).
    int created() const;

private:
    const std::string _host;
    const std::uint16_t _port;
    const Poco::Net::Context::Ptr _context;
    const std::chrono::milliseconds _connectTimeout;
    const std::chrono::milliseconds _ioTimeout;
    const std::size_t _maxIdle;
    mutable std::mutex _mutex;
    std::vector<std::unique_ptr<GatewaySession>> _idle;
    int _created = 0;
};

} // namespace ict::gateway
