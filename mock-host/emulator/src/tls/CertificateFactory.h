#pragma once

#include "tls/TlsFiles.h"

#include <string>
#include <vector>

namespace mockhost::emulator {

/// Creates (or reuses when present) a test CA and server certificates in one directory, with the
/// openssl command line (EC P-256 keys). Files: ca.pem/ca.key, server.pem/server.key,
/// foreign-ca.pem/.key + foreign-server.pem/.key, wrong-host.pem/.key.
/// Throws Poco::Exception with openssl's message when a command fails. Files are written under
/// temporary names and renamed, so readers never see half a file; two processes racing on an
/// empty directory may each generate, and the last rename wins consistently per file pair only
/// if they do not interleave: give concurrent emulators their own directories.
class CertificateFactory {
public:
    explicit CertificateFactory(std::string directory);

    TlsFiles trusted();
    TlsFiles foreignCa();
    TlsFiles wrongHost();
    TlsFiles forKind(ServerCertificate kind);

    const std::string& directory() const { return _directory; }

private:
    std::string path(const std::string& name) const;
    void ensureCa(const std::string& stem, const std::string& commonName);
    void ensureLeaf(const std::string& stem, const std::string& caStem,
                    const std::string& commonName, const std::string& subjectAltName);
    void openssl(const std::vector<std::string>& args);

    std::string _directory;
};

} // namespace mockhost::emulator
