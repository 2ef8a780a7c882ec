#include "adapter/ImportCustomersTool.h"

#include "adapter/JsonIo.h"
#include "domain/common/IsoTime.h"
#include "storage/Migrations.h"

#include <Poco/Exception.h>
#include <Poco/JSON/Array.h>
#include <Poco/Net/NetSSL.h>

namespace ict::adapter {

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;

ImportCustomersTool::ImportCustomersTool() = default;

ImportCustomersTool::~ImportCustomersTool() {
    stop();
}

bss::sdk::ToolDescriptor ImportCustomersTool::descriptor() const {
    return {kId,
            kDisplayName,
            ICT_VERSION,
            kMenuPath,
            bss::sdk::kPermissionSystemAdmin,
            {{"list-instances", "The Microsoft Cloud Services instances the caller may use."}}};
}

void ImportCustomersTool::start(bss::sdk::HostServices& services) {
    try {
        Poco::Net::initializeSSL();
        _services = &services;
        const int version = storage::migrate(services.database(),
                                             storage::toolMigrations(services.database().dialect()),
                                             domain::formatIsoUtc(services.clock().now()));
        services.logger().info("import-customers: tables at migration " + std::to_string(version));
        _started = true;
    } catch (const ToolError&) {
        throw;
    } catch (const Poco::Exception& e) {
        throw ToolError(ErrorCode::Internal, "Cannot start the tool: " + e.displayText());
    } catch (const std::exception& e) {
        throw ToolError(ErrorCode::Internal, std::string("Cannot start the tool: ") + e.what());
    }
}

void ImportCustomersTool::stop() noexcept {
    if (!_started.exchange(false))
        return;
    _services = nullptr;
    Poco::Net::uninitializeSSL();
}

std::string ImportCustomersTool::handle(const bss::sdk::ActionRequest& request) {
    if (!_started)
        throw ToolError(ErrorCode::Unavailable, "The Import Customers Tool is not started.");
    try {
        return dispatch(request);
    } catch (const ToolError&) {
        throw;
    } catch (const Poco::Exception& e) {
        _services->logger().error("import-customers: " + request.action +
                                  " failed: " + e.displayText());
        throw ToolError(ErrorCode::Internal,
                        "Action '" + request.action + "' failed: " + e.displayText());
    } catch (const std::exception& e) {
        _services->logger().error("import-customers: " + request.action + " failed: " + e.what());
        throw ToolError(ErrorCode::Internal,
                        "Action '" + request.action + "' failed: " + std::string(e.what()));
    } catch (...) {
        throw ToolError(ErrorCode::Internal, "Action '" + request.action + "' failed.");
    }
}

namespace {

std::string listInstances(bss::sdk::HostServices& services, const bss::sdk::CallContext& caller) {
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const bss::sdk::InstanceInfo& info :
         services.instances().instancesFor(caller.organization)) {
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
        item->set("id", info.id);
        item->set("name", info.name);
        item->set("cspModel", std::string(bss::sdk::cspModelName(info.cspModel)));
        item->set("origin",
                  std::string(info.origin == bss::sdk::InstanceOrigin::Own ? "own" : "inherited"));
        item->set("ownerOrganization", info.ownerOrganizationName);
        item->set("partnerCenterUrl", info.partnerCenterUrl);
        item->set("partnerTenantId", info.partnerTenantId);
        const bool expired =
            info.refreshTokenExpiresAt && *info.refreshTokenExpiresAt <= services.clock().now();
        item->set("authenticated", info.hasRefreshToken && !expired);
        if (info.refreshTokenExpiresAt)
            item->set("refreshTokenExpiresAt", domain::formatIsoUtc(*info.refreshTokenExpiresAt));
        items->add(item);
    }
    Poco::JSON::Object result;
    result.set("instances", items);
    return toJson(result);
}

} // namespace

std::string ImportCustomersTool::dispatch(const bss::sdk::ActionRequest& request) {
    parseBody(request.bodyJson); // every action refuses a malformed body the same way
    if (request.action == "list-instances")
        return listInstances(*_services, request.caller);
    throw ToolError(ErrorCode::NotFound,
                    "The Import Customers Tool has no action '" + request.action + "'.", "action");
}

} // namespace ict::adapter
