#pragma once
/// The Azure Plan Migration Tool as the host sees it: the bss::sdk::Tool implementation. Routes
/// each action to its handler and is the exception firewall: only bss::sdk::ToolError leaves
/// handle(). Built on the public host SDK only; it shares code with the Import Customers Tool
/// through plugin/common, never calls it, and learns whether it is enabled only from the host.

#include "adapter/ApmRuntime.h"

#include <bss/sdk/Tool.h>

#include <atomic>
#include <memory>

namespace apm::adapter {

class AzurePlanMigrationTool : public bss::sdk::Tool {
public:
    static constexpr const char* kId = "azure-plan-migration";
    static constexpr const char* kDisplayName = "Azure Plan Migration Tool";
    static constexpr const char* kMenuPath = "BSS Setup > Tools";

    AzurePlanMigrationTool();
    ~AzurePlanMigrationTool() override;

    bss::sdk::ToolDescriptor descriptor() const override;
    void start(bss::sdk::HostServices& services) override;
    void stop() noexcept override;
    std::string handle(const bss::sdk::ActionRequest& request) override;
    std::vector<bss::sdk::ActionDescriptor> streamedActions() const override;
    void stream(const bss::sdk::ActionRequest& request, bss::sdk::ResponseStream& out) override;

private:
    std::unique_ptr<ApmRuntime> _runtime;
    std::atomic<bool> _started{false};
};

} // namespace apm::adapter
