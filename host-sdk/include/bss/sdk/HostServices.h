#pragma once
/// Everything the host lends a tool, handed to Tool::start().
///
/// Ownership: the host owns HostServices and every service it returns; they stay valid from
/// Tool::start() until Tool::stop() returns. A tool may keep references for that span and must not
/// use them after stop(). All services are thread-safe.

#include "bss/sdk/Clock.h"
#include "bss/sdk/Database.h"
#include "bss/sdk/Instances.h"
#include "bss/sdk/Jobs.h"
#include "bss/sdk/Logger.h"

namespace bss::sdk {

class HostServices {
public:
    virtual ~HostServices() = default;
    virtual Database& database() = 0;
    virtual InstanceDirectory& instances() = 0;
    virtual JobService& jobs() = 0;
    virtual Logger& logger() = 0;
    virtual Clock& clock() = 0;
};

} // namespace bss::sdk
