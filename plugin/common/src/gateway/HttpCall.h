#pragma once
/// One logical HTTP call and its final answer. A call keeps its MS-RequestId across retries.

#include <Poco/Net/NameValueCollection.h>

#include <string>
#include <utility>
#include <vector>

namespace ict::gateway {

struct HttpCall {
    std::string name; ///< Templated, for logs and errors: "GET /v1/customers/{id}".
    std::string method = "GET";
    std::string target; ///< Path and query on the host, e.g. "/v1/customers?size=500".
    std::vector<std::pair<std::string, std::string>> headers; ///< Extra headers; never logged.
    std::string body; ///< Sent with Content-Length when non-empty; never logged.
    std::string contentType;
    std::string requestId;   ///< MS-RequestId; generated on first use, then reused by retries.
    bool rateLimited = true; ///< Counts against the instance's token bucket.
    /// False for a request the server must not get twice (the token POST redeems a single-use
    /// refresh token). Such a call takes a new connection and opens it (TCP and TLS) before
    /// writing: a failure up to there is retried as usual, nothing was sent. Once the request is
    /// written, a timeout or a cut connection is not retried (GatewayError AnswerLost): the
    /// request may have been carried out. Error answers (408, 429, 5xx) are still retried: an
    /// answer that reports an error says the request was not carried out.
    bool replayAfterSend = true;
};

struct HttpResponse {
    int status = 0;
    std::string body;
    int attempts = 0;
    Poco::Net::NameValueCollection headers; ///< Response headers (MS-RequestId echo, ...).
};

} // namespace ict::gateway
