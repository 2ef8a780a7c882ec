#include "gateway/SessionPool.h"

namespace ict::gateway {

SessionPool::SessionPool(std::string host, std::uint16_t port, Poco::Net::Context::Ptr context,
                         std::chrono::milliseconds connectTimeout,
                         std::chrono::milliseconds ioTimeout, int maxIdle)
    : _host(std::move(host)), _port(port), _context(std::move(context)),
      _connectTimeout(connectTimeout), _ioTimeout(ioTimeout),
      _maxIdle(static_cast<std::size_t>(maxIdle > 0 ? maxIdle : 1)) {}

std::unique_ptr<GatewaySession> SessionPool::acquire(bool fresh) {
    {
        std::lock_guard<std::mutex> lock(_mutex);
        if (!fresh && !_idle.empty()) {
            auto session = std::move(_idle.back());
            _idle.pop_back();
            return session;
        }
        ++_created;
    }
    auto session = std::make_unique<GatewaySession>(_host, _port, _context);
    session->setKeepAlive(true);
    const auto micros = [](std::chrono::milliseconds ms) {
        return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(ms.count()) * 1000);
    };
    session->setTimeout(micros(_connectTimeout), micros(_ioTimeout), micros(_ioTimeout));
    // Below common server idle limits, so a pooled connection is rarely found closed by the peer.
    session->setKeepAliveTimeout(Poco::Timespan(5, 0));
    return session;
}

void SessionPool::release(std::unique_ptr<GatewaySession> session) {
    std::lock_guard<std::mutex> lock(_mutex);
    if (_idle.size() < _maxIdle)
        _idle.push_back(std::move(session));
}

int SessionPool::created() const {
    std::lock_guard<std::mutex> lock(_mutex);
    return _created;
}

} // namespace ict::gateway
