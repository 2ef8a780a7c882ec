#pragma once

#include "http/ApiRequest.h"
#include "http/Reply.h"

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

namespace mockhost::emulator {

/// Writes replies to the socket, faithfully or broken on purpose.
class ResponseWriter {
public:
    /// Status, headers (incl. echoed MS-RequestId/MS-CorrelationId already in reply), body.
    static void send(Poco::Net::HTTPServerResponse& response, const Reply& reply);
    /// Announces the full length, sends half the body and resets the connection.
    static void sendCut(Poco::Net::HTTPServerRequest& request,
                        Poco::Net::HTTPServerResponse& response, const Reply& reply);
    /// Announces the full length and sends the body 64 bytes at a time, `chunkDelayMs` apart,
    /// then closes the connection; stops early when the client has gone.
    static void sendTrickled(Poco::Net::HTTPServerResponse& response, const Reply& reply,
                             int chunkDelayMs);
    /// Closes the connection without any response.
    static void drop(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response);

    /// A 200 whose body is not JSON (an HTML error page from a proxy).
    static Reply malformed(const Reply& reply);
    /// The body cut in half, with a Content-Length that matches the cut body.
    static Reply truncated(const Reply& reply);
};

} // namespace mockhost::emulator
