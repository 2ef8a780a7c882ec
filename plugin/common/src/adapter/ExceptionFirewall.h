#pragma once
/// The exception firewall of a tool's handle() and stream(): only bss::sdk::ToolError crosses to
/// the host. Anything else is logged (with the tool and action) and becomes ToolError(Internal)
/// naming the action.

#include <bss/sdk/Logger.h>
#include <bss/sdk/ToolError.h>

#include <Poco/Exception.h>

#include <exception>
#include <string>

namespace ict::adapter {

/// Runs `body` and returns what it returns; see the file comment. `toolId` prefixes log lines.
template <typename Body>
auto behindFirewall(bss::sdk::Logger& logger, const std::string& toolId, const std::string& action,
                    Body body) {
    using bss::sdk::ErrorCode;
    using bss::sdk::ToolError;
    try {
        return body();
    } catch (const ToolError&) {
        throw;
    } catch (const Poco::Exception& e) {
        logger.error(toolId + ": " + action + " failed: " + e.displayText());
        throw ToolError(ErrorCode::Internal, "Action '" + action + "' failed: " + e.displayText());
    } catch (const std::exception& e) {
        logger.error(toolId + ": " + action + " failed: " + e.what());
        throw ToolError(ErrorCode::Internal, "Action '" + action + "' failed: " + e.what());
    } catch (...) {
        throw ToolError(ErrorCode::Internal, "Action '" + action + "' failed.");
    }
}

} // namespace ict::adapter
