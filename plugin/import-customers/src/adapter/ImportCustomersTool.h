#pragma once
/// The Import Customers Tool as the host sees it: the bss::sdk::Tool implementation. Routes each
/// action to its handler and is the exception firewall: only bss::sdk::ToolError leaves handle().

#include "adapter/ToolRuntime.h"

#include <bss/sdk/Tool.h>

#include <atomic>
#include <memory>

namespace ict::adapter {

class ImportCustomersTool : public bss::sdk::Tool {
public:
    static constexpr const char* kId = "import-customers";
    static constexpr const char* kDisplayName = "Import Customers Tool";
    static constexpr const char* kMenuPath = "BSS Setup > Tools";

    ImportCustomersTool();
    ~ImportCustomersTool() override;

    bss::sdk::ToolDescriptor descriptor() const override;
    void start(bss::sdk::HostServices& services) override;
    void stop() noexcept override;
    std::string handle(const bss::sdk::ActionRequest& request) override;
    std::vector<bss::sdk::ActionDescriptor> streamedActions() const override;
    void stream(const bss::sdk::ActionRequest& request, bss::sdk::ResponseStream& out) override;

private:
    /// Runs `body` with the exception firewall: ToolError passes, anything else becomes one.
    template <typename Body> auto guarded(const bss::sdk::ActionRequest& request, Body body);

    std::unique_ptr<ToolRuntime> _runtime;
    std::atomic<bool> _started{false};
};

} // namespace ict::adapter
