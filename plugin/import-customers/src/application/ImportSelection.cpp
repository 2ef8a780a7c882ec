#include "application/ImportSelection.h"

namespace ict::application {

std::string ImportSelection::describe() const {
    const std::string policyText = std::string(", billing ") + domain::billingPolicyName(policy);
    if (all)
        return "all importable tenants" + policyText;
    std::string text = std::to_string(rows.size()) + " tenant(s): ";
    for (std::size_t i = 0; i < rows.size() && i < 20; ++i)
        text += (i ? ", " : "") + rows[i].tenantId +
                (rows[i].resellerMpnId.empty() ? "" : " (reseller " + rows[i].resellerMpnId + ")");
    if (rows.size() > 20)
        text += ", ...";
    return text + policyText;
}

} // namespace ict::application
