#pragma once

#include <string>

namespace mockhost::emulator {

/// Which certificate the emulator presents. Trusted is the normal case; the other two exist so a
/// client can prove it refuses them.
enum class ServerCertificate {
    Trusted,   ///< signed by the emulator CA, SAN DNS:localhost, IP:127.0.0.1
    ForeignCa, ///< same names, signed by a different CA the client does not trust
    WrongHost, ///< signed by the emulator CA, SAN DNS:wrong-host.example only
};

/// Paths of PEM files. caCertificate is the CA that signed `certificate`.
struct TlsFiles {
    std::string caCertificate;
    std::string certificate;
    std::string privateKey;
};

} // namespace mockhost::emulator
