#pragma once
// The Partner Center emulator in a process of its own for the benchmarks: the real
// partner-center-emulator binary, started with its command-line flags, so neither its memory nor
// its CPU counts as the host's. Its URL, CA, partner tenant and refresh token come from its
// banner; counters, faults and data changes go through its control API over TLS.

#include "support/ToolHarness.h"

#include <Poco/JSON/Object.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

class EmulatorProcess {
public:
    /// Starts `partner-center-emulator` with `flags` (besides --port 0, --cert-dir, and the
    /// harness's client id and secret) and waits for its banner. Throws std::runtime_error when
    /// it does not start.
    explicit EmulatorProcess(const std::vector<std::string>& flags);
    /// Stops it (SIGTERM) and waits.
    ~EmulatorProcess();
    EmulatorProcess(const EmulatorProcess&) = delete;
    EmulatorProcess& operator=(const EmulatorProcess&) = delete;

    /// An instance record of `harness`'s root organization pointing at this emulator.
    mockhost::InstanceRecord instanceRecord(ict::application::test::ToolHarness& harness,
                                            const std::string& name) const;

    /// A control API call (path under /_emulator); returns the answer's body. Throws on a
    /// status other than 2xx.
    std::string control(const std::string& method, const std::string& path,
                        const std::string& body = "");
    /// The request counters by endpoint name, and "total".
    std::map<std::string, std::int64_t> counters();
    void resetCounters();
    /// Replaces fault settings named in `json` (an object of FaultSettings fields).
    void setFaults(const std::string& json);

    const std::string& url() const { return _url; }

private:
    Poco::Pipe _out;
    std::unique_ptr<Poco::ProcessHandle> _handle;
    std::unique_ptr<Poco::PipeInputStream> _stream;
    std::string _url, _ca, _tenant, _refreshToken, _host;
    std::uint16_t _port = 0;
};
