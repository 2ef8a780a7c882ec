#include "http/HandlerFactory.h"

#include "http/RequestDispatcher.h"

namespace mockhost::emulator {

Poco::Net::HTTPRequestHandler*
HandlerFactory::createRequestHandler(const Poco::Net::HTTPServerRequest&) {
    return new RequestDispatcher(_state, _router);
}

} // namespace mockhost::emulator
