#pragma once

#include "control/EmulatorState.h"
#include "http/ApiRequest.h"
#include "http/Reply.h"

namespace mockhost::emulator {

/// Partner-level reads: GET /v1/relationships?relationship_type=IsIndirectCloudSolutionProviderOf
/// (the partner's indirect resellers; IsIndirectResellerOf gives an empty list; anything else
/// 400 code 2000) and GET /v1/profiles/mpn[?mpnId=X] (the partner's own profile without mpnId;
/// 404 code 3000 for an unknown id).
class PartnerEndpoints {
public:
    static Reply relationships(EmulatorState& state, const ApiRequest& request);
    static Reply mpnProfile(EmulatorState& state, const ApiRequest& request);
};

} // namespace mockhost::emulator
