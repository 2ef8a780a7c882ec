#pragma once

#include "control/EmulatorState.h"
#include "http/Router.h"

#include <Poco/Net/HTTPRequestHandlerFactory.h>

namespace mockhost::emulator {

/// Hands every request to a RequestDispatcher over the shared state and routes.
class HandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    explicit HandlerFactory(EmulatorState& state) : _state(state) {}

    Poco::Net::HTTPRequestHandler*
    createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
    EmulatorState& _state;
    Router _router;
};

} // namespace mockhost::emulator
