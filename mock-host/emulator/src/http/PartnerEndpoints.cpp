#include "http/PartnerEndpoints.h"

#include "common/JsonText.h"
#include "data/ResourceJson.h"
#include "http/CollectionJson.h"

#include <Poco/String.h>

namespace mockhost::emulator {

Reply PartnerEndpoints::relationships(EmulatorState& state, const ApiRequest& request) {
    const CompatibilityOptions compatibility = state.compatibility();
    const std::string type = request.queryValue("relationship_type");
    Poco::JSON::Array::Ptr items(new Poco::JSON::Array);
    if (Poco::icompare(type, "IsIndirectCloudSolutionProviderOf") == 0) {
        state.withData([&](const DataSet& data) {
            for (const auto& reseller : data.resellers)
                items->add(ResourceJson::relationship(reseller));
            return 0;
        });
    } else if (Poco::icompare(type, "IsIndirectResellerOf") != 0) {
        return Reply::partnerError(400, 2000,
                                   "relationship_type must be IsIndirectCloudSolutionProviderOf "
                                   "or IsIndirectResellerOf, not '" +
                                       type + "'.",
                                   compatibility);
    }
    return Reply::json(200, CollectionJson::make(items, ""));
}

Reply PartnerEndpoints::mpnProfile(EmulatorState& state, const ApiRequest& request) {
    const CompatibilityOptions compatibility = state.compatibility();
    const std::string mpnId = request.queryValue("mpnid");
    return state.withData([&](const DataSet& data) {
        std::string name;
        if (mpnId.empty() || mpnId == data.partner.mpnId)
            name = data.partner.name;
        else if (const Reseller* reseller = data.findResellerByMpnId(mpnId))
            name = reseller->name;
        else
            return Reply::partnerError(
                404, 3000, "Partner Organization with partner_id " + mpnId + " could not be found",
                compatibility);
        const std::string id = mpnId.empty() ? data.partner.mpnId : mpnId;
        auto body = JsonText::object();
        body->set("partnerName", name);
        body->set("mpnId", id);
        body->set("profileType", "MpnProfile");
        auto links = JsonText::object();
        links->set("self", JsonText::link("/profiles/mpn?mpnId=" + id));
        body->set("links", links);
        auto attributes = JsonText::object();
        attributes->set("objectType", "MpnProfile");
        body->set("attributes", attributes);
        return Reply::json(200, body);
    });
}

} // namespace mockhost::emulator
