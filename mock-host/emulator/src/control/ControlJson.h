#pragma once

#include "EmulatorOptions.h"
#include "data/SubscriptionChange.h"
#include "faults/FaultSettings.h"

#include <Poco/JSON/Object.h>

namespace mockhost::emulator {

struct NewCustomer;
struct NewSubscription;

/// JSON forms of the control API's settings. Readers start from `current` and change only the
/// members present; a member of the wrong type throws Poco::InvalidArgumentException naming it.
class ControlJson {
public:
    static Poco::JSON::Object::Ptr write(const FaultSettings& settings);
    static FaultSettings readFaults(const Poco::JSON::Object::Ptr& json, FaultSettings current);
    static Poco::JSON::Object::Ptr write(const CompatibilityOptions& options);
    static CompatibilityOptions readCompatibility(const Poco::JSON::Object::Ptr& json,
                                                  CompatibilityOptions current);
    static NewCustomer readNewCustomer(const Poco::JSON::Object::Ptr& json);
    static NewSubscription readNewSubscription(const Poco::JSON::Object::Ptr& json);
    static SubscriptionChange readChange(const Poco::JSON::Object::Ptr& json);
};

} // namespace mockhost::emulator
