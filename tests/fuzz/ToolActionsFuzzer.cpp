// Fuzzes ImportCustomersTool::handle, the tool's whole action surface after the host's checks:
// the tool is started once on a SQLite host database holding the demo data set (organizations,
// Microsoft instances, products), exactly as the mock host starts it. Input: byte 0 picks the
// action (only actions that start no job, so no Partner Center call is made), byte 1 the calling
// organization (root, country tenant, simple tenant), the rest is the request body. The contract
// under test (bss/sdk/Tool.h): handle() returns a JSON object or throws ToolError; an Internal
// ToolError means a defect reached the firewall, so it counts as a crash too.
#include "adapter/ImportCustomersTool.h"
#include "host/Host.h"
#include "services/ToolServices.h"

#include <bss/sdk/ToolError.h>

#include <Poco/File.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <typeinfo>
#include <vector>

namespace {

// Actions that never submit a job (get-hierarchy does, so it is left out).
const std::vector<std::string> kActions = {
    "list-instances", "last-update",   "job-status", "cancel-job",  "tenants",
    "resellers",      "subscriptions", "runs",       "audit-trail", "no-such-action",
};

struct Fixture {
    Fixture() : directory(Poco::TemporaryFile::tempName()) {
        Poco::File(directory).createDirectories();
        Poco::File(directory + "/plugins").createDirectories();
        mockhost::HostOptions options;
        options.db = "sqlite:" + directory + "/host.db";
        options.pluginDir = directory + "/plugins";
        // The fuzz binary lives outside the build's bin/, so name the source tree's schema.
        options.schemaDir = MOCK_HOST_SCHEMA_DIR;
        options.quiet = true;
        options.seedDemo = true;
        host = std::make_unique<mockhost::Host>(options);
        services = std::make_unique<mockhost::ToolServices>(
            ict::adapter::ImportCustomersTool::kId, host->database(), host->instances(),
            host->jobs(), host->sink(), host->clock(),
            [this](std::int64_t organizationId) { return host->enabledTools(organizationId); });
        tool.start(*services);
        for (const char* name :
             {"Contoso Cloud (root)", "Contoso Cloud Greece", "Contoso Reseller Shop"}) {
            bss::sdk::CallContext caller;
            caller.organization = host->organizations().require(name);
            caller.user = {1, "admin", "Admin"};
            caller.permissions = {bss::sdk::kPermissionSystemAdmin};
            caller.requestId = "fuzz";
            callers.push_back(caller);
        }
    }
    ~Fixture() {
        tool.stop();
        services.reset();
        host.reset();
        Poco::File(directory).remove(true);
    }

    std::string directory;
    std::unique_ptr<mockhost::Host> host;
    std::unique_ptr<mockhost::ToolServices> services;
    ict::adapter::ImportCustomersTool tool;
    std::vector<bss::sdk::CallContext> callers;
};

Fixture* fixture = nullptr;

[[noreturn]] void contractBroken(const std::string& action, const std::string& what) {
    std::fprintf(stderr, "action '%s': %s\n", action.c_str(), what.c_str());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fixture = new Fixture();
    std::atexit([] { delete fixture; });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2)
        return 0;
    const std::string& action = kActions[data[0] % kActions.size()];
    const bss::sdk::ActionRequest request{
        fixture->callers[data[1] % fixture->callers.size()], action,
        std::string(reinterpret_cast<const char*>(data) + 2, size - 2)};
    try {
        const std::string answer = fixture->tool.handle(request);
        Poco::JSON::Parser parser;
        if (parser.parse(answer).type() != typeid(Poco::JSON::Object::Ptr))
            contractBroken(action, "the answer is not a JSON object");
    } catch (const bss::sdk::ToolError& e) {
        if (e.code() == bss::sdk::ErrorCode::Internal)
            contractBroken(action, std::string("Internal error: ") + e.what());
    } catch (const std::exception& e) {
        contractBroken(action, std::string("threw ") + typeid(e).name() + ": " + e.what());
    }
    return 0;
}
