#include "gateway/TlsContextFactory.h"

#include "gateway/GatewayError.h"

#include <Poco/Exception.h>
#include <Poco/File.h>

namespace ict::gateway {

Poco::Net::Context::Ptr TlsContextFactory::clientContext(const std::string& caBundlePath) {
    const std::string call = "TLS setup";
    if (!caBundlePath.empty()) {
        const Poco::File bundle(caBundlePath);
        if (!bundle.exists() || !bundle.isFile())
            throw GatewayError(GatewayErrorKind::TlsFailure, call,
                               "failed: CA bundle '" + caBundlePath + "' is not a readable file");
    }
    Poco::Net::Context::Params params;
    params.caLocation = caBundlePath;
    params.loadDefaultCAs = caBundlePath.empty();
    params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
    params.verificationDepth = 9;
    try {
        Poco::Net::Context::Ptr context =
            new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
        context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
        return context;
    } catch (const Poco::Exception& e) {
        throw GatewayError(GatewayErrorKind::TlsFailure, call,
                           "failed: cannot build the TLS context (" + e.message() + ")");
    }
}

} // namespace ict::gateway
