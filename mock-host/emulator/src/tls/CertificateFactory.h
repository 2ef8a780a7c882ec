#pragma once

#include "tls/TlsFiles.h"

#include <string>
#include <vector>

namespace mockhost::emulator {

/// Creates (or reuses when present) a test CA and server certificates in one directory, with the
/// openssl command line (EC P-256 keys). Files: ca.pem/ca.key, server.pem/server.key,
/// foreign-ca.pem/.key + foreign-server.pem/.key, wrong-host.pem/.key.
/// Throws Poco::Exception with openssl's message when a command fails. Each call holds an
/// exclusive lock on the directory (DirectoryLock), so processes sharing it generate once and
/// never see half-written or mismatched files.
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
