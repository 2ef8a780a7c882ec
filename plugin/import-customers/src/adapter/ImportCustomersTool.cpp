#include "adapter/ImportCustomersTool.h"

#include "adapter/ActionTable.h"
#include "adapter/ExceptionFirewall.h"
#include "adapter/JsonIo.h"
#include "adapter/ToolStart.h"
#include "application/RunLeases.h"
#include "domain/common/IsoTime.h"
#include "storage/Migrations.h"

#include <Poco/Exception.h>
#include <Poco/Net/NetSSL.h>

namespace ict::adapter {

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;

ImportCustomersTool::ImportCustomersTool() = default;

ImportCustomersTool::~ImportCustomersTool() {
    stop();
}

bss::sdk::ToolDescriptor ImportCustomersTool::descriptor() const {
    bss::sdk::ToolDescriptor descriptor{
        kId, kDisplayName, ICT_VERSION, kMenuPath, bss::sdk::kPermissionSystemAdmin, {}};
    for (const ActionEntry& entry : actionTable())
        descriptor.actions.push_back({entry.name, entry.description});
    return descriptor;
}

void ImportCustomersTool::start(bss::sdk::HostServices& services) {
    startWithSsl([&] {
        const int version = storage::migrate(services.database(),
                                             storage::toolMigrations(services.database().dialect()),
                                             domain::formatIsoUtc(services.clock().now()));
        _runtime = std::make_unique<ToolRuntime>(services);
        services.logger().info("import-customers: tables at migration " + std::to_string(version));
        // Runs whose host stopped before they ended would otherwise show as running for ever.
        logInterruptedRuns(
            services.logger(), kId,
            application::markInterruptedRuns(services.database(), _runtime->leases.holder,
                                             domain::formatIsoUtc(services.clock().now())));
        _started = true;
    });
}

void ImportCustomersTool::stop() noexcept {
    if (!_started.exchange(false))
        return;
    // The host has joined this tool's jobs already, so no run still uses a client.
    _runtime.reset();
    Poco::Net::uninitializeSSL();
}

template <typename Body>
auto ImportCustomersTool::guarded(const bss::sdk::ActionRequest& request, Body body) {
    return behindFirewall(_runtime->services.logger(), kId, request.action, body);
}

std::string ImportCustomersTool::handle(const bss::sdk::ActionRequest& request) {
    if (!_started)
        throw ToolError(ErrorCode::Unavailable, "The Import Customers Tool is not started.");
    const ActionEntry* entry = nullptr;
    for (const ActionEntry& candidate : actionTable())
        if (candidate.name == request.action)
            entry = &candidate;
    if (!entry)
        throw ToolError(ErrorCode::NotFound,
                        "The Import Customers Tool has no action '" + request.action + "'.",
                        "action");
    return guarded(request, [&] {
        Poco::JSON::Object::Ptr body = parseBody(request.bodyJson);
        return entry->handler(*_runtime, request, *body);
    });
}

std::vector<bss::sdk::ActionDescriptor> ImportCustomersTool::streamedActions() const {
    std::vector<bss::sdk::ActionDescriptor> actions;
    for (const StreamEntry& entry : streamTable())
        actions.push_back({entry.name, entry.description});
    return actions;
}

void ImportCustomersTool::stream(const bss::sdk::ActionRequest& request,
                                 bss::sdk::ResponseStream& out) {
    if (!_started)
        throw ToolError(ErrorCode::Unavailable, "The Import Customers Tool is not started.");
    const StreamEntry* entry = nullptr;
    for (const StreamEntry& candidate : streamTable())
        if (candidate.name == request.action)
            entry = &candidate;
    if (!entry)
        throw ToolError(
            ErrorCode::NotFound,
            "The Import Customers Tool has no streamed action '" + request.action + "'.", "action");
    guarded(request, [&] {
        Poco::JSON::Object::Ptr body = parseBody(request.bodyJson);
        entry->handler(*_runtime, request, *body, out);
    });
}

} // namespace ict::adapter
