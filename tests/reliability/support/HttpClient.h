#pragma once
// A browser's worth of HTTP against the mock host's API on 127.0.0.1: one keep-alive connection,
// the session cookie kept after log-in. One client per thread.

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <string>
#include <vector>

namespace ict::reliability::test {

struct HttpAnswer {
    int status = 0;
    std::string body;
};

class HttpClient {
public:
    explicit HttpClient(unsigned short port) : _session("127.0.0.1", port) {
        _session.setKeepAlive(true);
        _session.setTimeout(Poco::Timespan(60, 0));
    }

    HttpAnswer request(const std::string& method, const std::string& path,
                       const std::string& body = "") {
        Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
        request.setKeepAlive(true);
        if (!_cookie.empty()) {
            Poco::Net::NameValueCollection cookies;
            cookies.add("mockhost_session", _cookie);
            request.setCookies(cookies);
        }
        if (method != Poco::Net::HTTPRequest::HTTP_GET) {
            request.setContentType("application/json");
            request.setContentLength(static_cast<std::streamsize>(body.size()));
        }
        std::ostream& out = _session.sendRequest(request);
        if (method != Poco::Net::HTTPRequest::HTTP_GET)
            out << body;
        Poco::Net::HTTPResponse response;
        std::istream& in = _session.receiveResponse(response);
        HttpAnswer answer;
        answer.status = static_cast<int>(response.getStatus());
        Poco::StreamCopier::copyToString(in, answer.body);
        std::vector<Poco::Net::HTTPCookie> cookies;
        response.getCookies(cookies);
        for (const auto& cookie : cookies)
            if (cookie.getName() == "mockhost_session")
                _cookie = cookie.getValue();
        return answer;
    }

    HttpAnswer post(const std::string& path, const std::string& body) {
        return request(Poco::Net::HTTPRequest::HTTP_POST, path, body);
    }
    HttpAnswer get(const std::string& path) {
        return request(Poco::Net::HTTPRequest::HTTP_GET, path);
    }

    /// POST /api/login; returns the answer (200 on success, the cookie kept).
    HttpAnswer login(const std::string& login, const std::string& password) {
        return post("/api/login",
                    "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}");
    }

    /// POST /api/tools/import-customers/actions/<action>.
    HttpAnswer action(const std::string& action, const std::string& body) {
        return post("/api/tools/import-customers/actions/" + action, body);
    }

    /// GET /api/tools/import-customers/streams/<action>?body=<json>: a streamed action (export).
    HttpAnswer stream(const std::string& action, const std::string& body) {
        std::string query;
        Poco::URI::encode(body, "&=+?#/", query);
        return get("/api/tools/import-customers/streams/" + action + "?body=" + query);
    }

    /// action() or stream(), whichever the tool serves `name` as.
    HttpAnswer call(const std::string& name, const std::string& body, bool streamed) {
        return streamed ? stream(name, body) : action(name, body);
    }

    const std::string& sessionCookie() const { return _cookie; }

private:
    Poco::Net::HTTPClientSession _session;
    std::string _cookie;
};

} // namespace ict::reliability::test
