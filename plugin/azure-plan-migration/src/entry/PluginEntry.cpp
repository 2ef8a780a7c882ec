// The library's only exports: ABI info and the factory, as Boost.DLL aliases.
#include "adapter/AzurePlanMigrationTool.h"

#include <bss/sdk/ToolExport.h>

#include <new>

namespace apm::entry {

const bss::sdk::AbiInfo* abiInfo() {
    static const bss::sdk::AbiInfo info = BSS_SDK_ABI_INFO("azure-plan-migration", ICT_VERSION);
    return &info;
}

bss::sdk::Tool* createTool() {
    // The factory must not throw across the boundary; the host treats null as a failed create.
    return new (std::nothrow) adapter::AzurePlanMigrationTool();
}

} // namespace apm::entry

BSS_DECLARE_TOOL(apm::entry::abiInfo, apm::entry::createTool)
