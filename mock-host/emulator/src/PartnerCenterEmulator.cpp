#include "PartnerCenterEmulator.h"

#include "http/HandlerFactory.h"
#include "tls/CertificateFactory.h"

#include <Poco/Exception.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/NetSSL.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/SocketAddress.h>

namespace mockhost::emulator {

PartnerCenterEmulator::PartnerCenterEmulator(EmulatorOptions options)
    : _options(options), _state(std::move(options)) {
    if (_options.certDirectory.empty())
        throw Poco::InvalidArgumentException("certDirectory is required");
    _tls = CertificateFactory(_options.certDirectory).forKind(_options.certificate);
}

PartnerCenterEmulator::~PartnerCenterEmulator() {
    try {
        stop();
    } catch (...) {
        // A destructor must not throw; stop() failures only mean the socket is already gone.
    }
}

std::string PartnerCenterEmulator::baseUrl() const {
    return "https://" + _options.host + ":" + std::to_string(_port);
}

std::string PartnerCenterEmulator::trustedCaPath() const {
    return CertificateFactory(_options.certDirectory).trusted().caCertificate;
}

void PartnerCenterEmulator::start() {
    if (_server)
        return;
    Poco::Net::initializeSSL();
    try {
        Poco::Net::Context::Params params;
        params.privateKeyFile = _tls.privateKey;
        params.certificateFile = _tls.certificate;
        params.verificationMode = Poco::Net::Context::VERIFY_NONE;
        params.loadDefaultCAs = false;
        Poco::Net::Context::Ptr context =
            new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
        context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
        Poco::Net::SecureServerSocket socket(
            Poco::Net::SocketAddress(_options.host, static_cast<Poco::UInt16>(_options.port)), 64,
            context);
        auto serverParams = new Poco::Net::HTTPServerParams;
        serverParams->setKeepAlive(true);
        serverParams->setMaxThreads(_options.threads);
        serverParams->setMaxQueued(_options.queueSize);
        serverParams->setTimeout(Poco::Timespan(30, 0));
        _threads = std::make_unique<Poco::ThreadPool>(2, _options.threads + 2);
        _state.stopping() = false;
        _server = std::make_unique<Poco::Net::HTTPServer>(new HandlerFactory(_state), *_threads,
                                                          socket, serverParams);
        _server->start();
        _port = socket.address().port();
    } catch (...) {
        _server.reset();
        _threads.reset();
        Poco::Net::uninitializeSSL();
        throw;
    }
}

void PartnerCenterEmulator::stop() {
    if (!_server)
        return;
    _state.stopping() = true;
    _server->stopAll(true);
    _server.reset();
    _threads->joinAll();
    _threads.reset();
    _port = 0;
    Poco::Net::uninitializeSSL();
}

} // namespace mockhost::emulator
