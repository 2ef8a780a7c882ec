#pragma once

#include "control/EmulatorState.h"
#include "http/ApiRequest.h"
#include "http/Reply.h"

namespace mockhost::emulator {

/// The JSON control API under /_emulator (no authentication; loopback test tool only):
///   GET  /_emulator/info                      partner ids, initial refresh token, sizes
///   GET  /_emulator/counters                  {"total":N,"endpoints":{"customers.list":N,..}}
///   POST /_emulator/counters/reset
///   GET|POST /_emulator/faults                FaultSettings (POST: members to change)
///   GET|POST /_emulator/compatibility         CompatibilityOptions (POST: members to change)
///   POST /_emulator/tokens/issue              {"refresh_token":..} a fresh valid one
///   POST /_emulator/tokens/expire-refresh | revoke-refresh | require-mfa | expire-access
///   POST /_emulator/customers                 NewCustomer -> 201 the customer
///   POST /_emulator/customers/{id}/leave      the customer removes the relationship
///   POST /_emulator/customers/{id}/subscriptions          NewSubscription -> 201
///   PATCH /_emulator/customers/{id}/subscriptions/{sid}   {quantity,status,autoRenewEnabled,
///                                                          friendlyName} -> 200
///   POST /_emulator/changes                   {"count":N} random changes -> {"auditRecords":N}
///   GET|PUT /_emulator/dataset                the data set file form (PUT replaces it)
///   POST /_emulator/reset                     back to the start state
/// Errors: 400/404 {"error":"<message naming the field or id>"}.
class ControlEndpoint {
public:
    static Reply serve(EmulatorState& state, const ApiRequest& request);
};

} // namespace mockhost::emulator
