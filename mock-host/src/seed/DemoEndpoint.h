#pragma once
/// Where one demo instance reaches Partner Center when the demo runs against the emulator
/// (`--emulator`): DemoSeed writes these fields over the named instance on every start, because
/// the emulator's tokens and port live only as long as the process.
#include <string>

namespace mockhost {

struct DemoEndpoint {
    std::string instanceName; ///< One of the demo instance names (see DemoSeed.h).
    std::string cspModel;     ///< "direct", "indirect" or "both".
    std::string partnerCenterUrl;
    std::string loginUrl;
    std::string caBundlePath; ///< The emulator's CA certificate (PEM).
    std::string partnerTenantId;
    std::string appId;
    std::string appSecret;    ///< Secret: never logged.
    std::string refreshToken; ///< Secret: never logged.
};

} // namespace mockhost
