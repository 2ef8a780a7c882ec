#include "adapter/ToolStart.h"

#include <bss/sdk/ToolError.h>

#include <Poco/Exception.h>
#include <Poco/Net/NetSSL.h>

namespace ict::adapter {

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;

void startWithSsl(const std::function<void()>& body) {
    Poco::Net::initializeSSL();
    try {
        body();
    } catch (const ToolError&) {
        Poco::Net::uninitializeSSL();
        throw;
    } catch (const Poco::Exception& e) {
        Poco::Net::uninitializeSSL();
        throw ToolError(ErrorCode::Internal, "Cannot start the tool: " + e.displayText());
    } catch (const std::exception& e) {
        Poco::Net::uninitializeSSL();
        throw ToolError(ErrorCode::Internal, std::string("Cannot start the tool: ") + e.what());
    }
}

void logInterruptedRuns(bss::sdk::Logger& logger, const std::string& toolId,
                        std::size_t interrupted) {
    if (interrupted)
        logger.warning(toolId + ": marked " + std::to_string(interrupted) +
                       " run(s) interrupted: their host stopped before they ended");
}

} // namespace ict::adapter
