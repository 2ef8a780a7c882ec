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
};

struct HttpResponse {
    int status = 0;
    std::string body;
    int attempts = 0;
    Poco::Net::NameValueCollection headers; ///< Response headers (MS-RequestId echo, ...).
};

} // namespace ict::gateway
