#include "tls/CertificateFactory.h"

#include "tls/DirectoryLock.h"

#include <Poco/Exception.h>
#include <Poco/File.h>
#include <Poco/FileStream.h>
#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/StreamCopier.h>

namespace mockhost::emulator {

CertificateFactory::CertificateFactory(std::string directory)
    : _directory(Poco::Path(directory).makeAbsolute().toString()) {
    Poco::File(_directory).createDirectories();
}

std::string CertificateFactory::path(const std::string& name) const {
    return Poco::Path(_directory, name).toString();
}

TlsFiles CertificateFactory::trusted() {
    const DirectoryLock lock(_directory);
    ensureCa("ca", "ICT Partner Center Emulator CA");
    ensureLeaf("server", "ca", "localhost", "DNS:localhost,IP:127.0.0.1");
    return {path("ca.pem"), path("server.pem"), path("server.key")};
}

TlsFiles CertificateFactory::foreignCa() {
    const DirectoryLock lock(_directory);
    ensureCa("foreign-ca", "Untrusted Foreign CA");
    ensureLeaf("foreign-server", "foreign-ca", "localhost", "DNS:localhost,IP:127.0.0.1");
    return {path("foreign-ca.pem"), path("foreign-server.pem"), path("foreign-server.key")};
}

TlsFiles CertificateFactory::wrongHost() {
    const DirectoryLock lock(_directory);
    ensureCa("ca", "ICT Partner Center Emulator CA");
    ensureLeaf("wrong-host", "ca", "wrong-host.example", "DNS:wrong-host.example");
    return {path("ca.pem"), path("wrong-host.pem"), path("wrong-host.key")};
}

TlsFiles CertificateFactory::forKind(ServerCertificate kind) {
    switch (kind) {
    case ServerCertificate::ForeignCa:
        return foreignCa();
    case ServerCertificate::WrongHost:
        return wrongHost();
    case ServerCertificate::Trusted:
        break;
    }
    return trusted();
}

void CertificateFactory::ensureCa(const std::string& stem, const std::string& commonName) {
    if (Poco::File(path(stem + ".pem")).exists() && Poco::File(path(stem + ".key")).exists())
        return;
    const std::string temp = stem + "." + std::to_string(Poco::Process::id());
    openssl({"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-keyout", path(temp + ".key"), "-out", path(temp + ".pem"), "-days", "3650", "-subj",
             "/CN=" + commonName, "-addext", "basicConstraints=critical,CA:TRUE", "-addext",
             "keyUsage=critical,keyCertSign,cRLSign"});
    Poco::File(path(temp + ".key")).renameTo(path(stem + ".key"));
    Poco::File(path(temp + ".pem")).renameTo(path(stem + ".pem"));
}

void CertificateFactory::ensureLeaf(const std::string& stem, const std::string& caStem,
                                    const std::string& commonName,
                                    const std::string& subjectAltName) {
    if (Poco::File(path(stem + ".pem")).exists() && Poco::File(path(stem + ".key")).exists())
        return;
    const std::string temp = stem + "." + std::to_string(Poco::Process::id());
    {
        Poco::FileOutputStream ext(path(temp + ".ext"));
        ext << "subjectAltName=" << subjectAltName << "\n"
            << "basicConstraints=CA:FALSE\n"
            << "keyUsage=critical,digitalSignature,keyEncipherment\n"
            << "extendedKeyUsage=serverAuth\n";
    }
    openssl({"req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
             "-keyout", path(temp + ".key"), "-out", path(temp + ".csr"), "-subj",
             "/CN=" + commonName});
    openssl({"x509", "-req", "-in", path(temp + ".csr"), "-CA", path(caStem + ".pem"), "-CAkey",
             path(caStem + ".key"), "-days", "825", "-sha256", "-extfile", path(temp + ".ext"),
             "-out", path(temp + ".pem")});
    Poco::File(path(temp + ".csr")).remove();
    Poco::File(path(temp + ".ext")).remove();
    Poco::File(path(temp + ".key")).renameTo(path(stem + ".key"));
    Poco::File(path(temp + ".pem")).renameTo(path(stem + ".pem"));
}

void CertificateFactory::openssl(const std::vector<std::string>& args) {
    Poco::Pipe errors;
    Poco::Pipe output;
    Poco::ProcessHandle handle =
        Poco::Process::launch("openssl", args, _directory, nullptr, &output, &errors);
    std::string errorText;
    std::string outputText;
    Poco::PipeInputStream errorStream(errors);
    Poco::PipeInputStream outputStream(output);
    Poco::StreamCopier::copyToString(outputStream, outputText);
    Poco::StreamCopier::copyToString(errorStream, errorText);
    const int rc = handle.wait();
    if (rc != 0)
        throw Poco::RuntimeException("openssl " + args.front() + " failed (exit " +
                                         std::to_string(rc) + ") in " + _directory,
                                     errorText);
}

} // namespace mockhost::emulator
