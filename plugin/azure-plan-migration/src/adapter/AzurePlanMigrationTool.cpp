#include "adapter/AzurePlanMigrationTool.h"

#include "adapter/ApmActionTable.h"
#include "adapter/ExceptionFirewall.h"
#include "adapter/JsonIo.h"
#include "adapter/ToolStart.h"
#include "adapter/actions/ResultsCsv.h"
#include "application/ApmLeases.h"
#include "domain/common/IsoTime.h"
#include "storage/ApmMigrations.h"

#include <Poco/Exception.h>
#include <Poco/Net/NetSSL.h>

namespace apm::adapter {

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;

AzurePlanMigrationTool::AzurePlanMigrationTool() = default;

AzurePlanMigrationTool::~AzurePlanMigrationTool() {
    stop();
}

bss::sdk::ToolDescriptor AzurePlanMigrationTool::descriptor() const {
    bss::sdk::ToolDescriptor descriptor{
        kId, kDisplayName, ICT_VERSION, kMenuPath, bss::sdk::kPermissionSystemAdmin, {}};
    for (const ActionEntry& entry : actionTable())
        descriptor.actions.push_back({entry.name, entry.description});
    return descriptor;
}

void AzurePlanMigrationTool::start(bss::sdk::HostServices& services) {
    ict::adapter::startWithSsl([&] {
        const int version = storage::migrateApmTables(
            services.database(), ict::domain::formatIsoUtc(services.clock().now()));
        _runtime = std::make_unique<ApmRuntime>(services);
        services.logger().info(std::string(kId) + ": tables at migration " +
                               std::to_string(version));
        // Runs whose host stopped before they ended would otherwise show as running for ever.
        ict::adapter::logInterruptedRuns(
            services.logger(), kId,
            application::markInterruptedRuns(services.database(), _runtime->leases.holder,
                                             ict::domain::formatIsoUtc(services.clock().now())));
        _started = true;
    });
}

void AzurePlanMigrationTool::stop() noexcept {
    if (!_started.exchange(false))
        return;
    // The host has joined this tool's jobs already, so no run still uses a client.
    _runtime.reset();
    Poco::Net::uninitializeSSL();
}

std::string AzurePlanMigrationTool::handle(const bss::sdk::ActionRequest& request) {
    if (!_started)
        throw ToolError(ErrorCode::Unavailable, "The Azure Plan Migration Tool is not started.");
    for (const ActionEntry& entry : actionTable())
        if (entry.name == request.action)
            return ict::adapter::behindFirewall(
                _runtime->services.logger(), kId, request.action, [&] {
                    Poco::JSON::Object::Ptr body = ict::adapter::parseBody(request.bodyJson);
                    return entry.handler(*_runtime, request, *body);
                });
    throw ToolError(ErrorCode::NotFound,
                    "The Azure Plan Migration Tool has no action '" + request.action + "'.",
                    "action");
}

std::vector<bss::sdk::ActionDescriptor> AzurePlanMigrationTool::streamedActions() const {
    return {{kResultsCsvAction, "A dry run's or an import's results as CSV, streamed."}};
}

void AzurePlanMigrationTool::stream(const bss::sdk::ActionRequest& request,
                                    bss::sdk::ResponseStream& out) {
    if (!_started)
        throw ToolError(ErrorCode::Unavailable, "The Azure Plan Migration Tool is not started.");
    if (request.action != kResultsCsvAction)
        throw ToolError(ErrorCode::NotFound,
                        "The Azure Plan Migration Tool has no streamed action '" + request.action +
                            "'.",
                        "action");
    ict::adapter::behindFirewall(_runtime->services.logger(), kId, request.action, [&] {
        Poco::JSON::Object::Ptr body = ict::adapter::parseBody(request.bodyJson);
        streamResultsCsv(*_runtime, request, *body, out);
    });
}

} // namespace apm::adapter
