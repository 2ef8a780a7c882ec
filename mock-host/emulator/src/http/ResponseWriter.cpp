#include "http/ResponseWriter.h"

#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/StreamSocket.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace mockhost::emulator {

namespace {

void head(Poco::Net::HTTPServerResponse& response, const Reply& reply) {
    response.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
    response.setContentType(reply.contentType);
    for (const auto& header : reply.headers)
        response.set(header.first, header.second);
}

void abortive(Poco::Net::HTTPServerRequest& request) {
    // Linger 0 turns the close after this handler into a reset instead of an orderly shutdown.
    try {
        static_cast<Poco::Net::HTTPServerRequestImpl&>(request).socket().setLinger(true, 0);
    } catch (const Poco::Exception&) {
        // The socket may already be gone; the connection is being dropped either way.
    }
}

} // namespace

void ResponseWriter::send(Poco::Net::HTTPServerResponse& response, const Reply& reply) {
    head(response, reply);
    response.setContentLength(static_cast<std::streamsize>(reply.body.size()));
    response.sendBuffer(reply.body.data(), reply.body.size());
}

void ResponseWriter::sendCut(Poco::Net::HTTPServerRequest& request,
                             Poco::Net::HTTPServerResponse& response, const Reply& reply) {
    head(response, reply);
    response.setContentLength(static_cast<std::streamsize>(reply.body.size()));
    response.setKeepAlive(false);
    std::ostream& out = response.send();
    out.write(reply.body.data(), static_cast<std::streamsize>(reply.body.size() / 2));
    out.flush();
    abortive(request);
}

void ResponseWriter::sendTrickled(Poco::Net::HTTPServerResponse& response, const Reply& reply,
                                  int chunkDelayMs) {
    head(response, reply);
    response.setContentLength(static_cast<std::streamsize>(reply.body.size()));
    response.setKeepAlive(false);
    std::ostream& out = response.send();
    const std::size_t chunk = 64;
    for (std::size_t at = 0; at < reply.body.size() && out; at += chunk) {
        if (at > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(chunkDelayMs));
        out.write(reply.body.data() + at,
                  static_cast<std::streamsize>(std::min(chunk, reply.body.size() - at)));
        out.flush();
    }
}

void ResponseWriter::drop(Poco::Net::HTTPServerRequest& request,
                          Poco::Net::HTTPServerResponse& response) {
    response.setKeepAlive(false);
    abortive(request);
}

Reply ResponseWriter::malformed(const Reply& reply) {
    Reply broken = reply;
    broken.body = "<html><head><title>502 Bad Gateway</title></head><body>upstream sent an "
                  "invalid response</body></html>";
    return broken;
}

Reply ResponseWriter::truncated(const Reply& reply) {
    Reply broken = reply;
    broken.body = reply.body.substr(0, reply.body.size() / 2);
    return broken;
}

} // namespace mockhost::emulator
