// Fuzzes every parser of a Partner Center or Entra ID answer. The first byte picks the parser, the
// rest is the body. The contract under test (gateway/*Parser.h, TokenResponse.h, ApiErrorBody.h):
// a parser returns a value or throws GatewayError (MalformedResponse); ApiErrorBody::parse,
// TokenResponse::rotatedRefreshToken and parseRetryAfterHeader never throw. Anything else (another
// exception, a sanitizer report) is a crash.
#include "gateway/ApiErrorBody.h"
#include "gateway/AuditRecordParser.h"
#include "gateway/BillingProfileParser.h"
#include "gateway/CustomerParser.h"
#include "gateway/GatewayError.h"
#include "gateway/ResellerParser.h"
#include "gateway/SubscriptionParser.h"
#include "gateway/TokenResponse.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <typeinfo>

using namespace ict::gateway;

namespace {

[[noreturn]] void contractBroken(const char* what) {
    std::fprintf(stderr, "parser broke its contract: %s\n", what);
    std::abort();
}

void parseWith(std::uint8_t selector, const std::string& body) {
    switch (selector % 10) {
    case 0: {
        const auto customer = parseCustomer(body, "GET /v1/customers/{id}");
        if (customer.tenantId.empty())
            contractBroken("customer without tenant id");
        break;
    }
    case 1:
        parseCustomerPage(body, "GET /v1/customers");
        break;
    case 2:
        parseSubscriptionPage(body, "GET /v1/customers/{id}/subscriptions", "tenant");
        break;
    case 3:
        parseBillingProfile(body, "GET /v1/customers/{id}/profiles/billing");
        break;
    case 4:
        parseResellerPage(body, "GET /v1/relationships");
        break;
    case 5:
        parseMpnProfile(body, "GET /v1/profiles/mpn");
        break;
    case 6:
        parseAuditRecordPage(body, "GET /v1/auditrecords");
        break;
    case 7: {
        // Never throws, and agrees with the full parse whenever that one succeeds.
        const std::string rotated = TokenResponse::rotatedRefreshToken(body);
        const auto token = TokenResponse::parse(body, "POST /oauth2/token");
        if (token.accessToken.empty() || token.expiresIn.count() <= 0)
            contractBroken("token response without token or lifetime");
        if (rotated != token.refreshToken)
            contractBroken("rotated refresh token differs from the parsed one");
        break;
    }
    case 8: {
        const auto error = ApiErrorBody::parse(body);
        if (error.description.size() > 300)
            contractBroken("error description longer than 300 bytes");
        break;
    }
    default:
        if (const auto seconds = parseRetryAfterHeader(body); seconds && *seconds < 0)
            contractBroken("negative Retry-After");
        break;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const std::string body(reinterpret_cast<const char*>(data) + 1, size - 1);
    try {
        parseWith(data[0], body);
    } catch (const GatewayError& e) {
        if (data[0] % 10 >= 8)
            contractBroken("ApiErrorBody::parse or parseRetryAfterHeader threw");
        if (e.kind() != GatewayErrorKind::MalformedResponse)
            contractBroken("a parser threw a GatewayError other than MalformedResponse");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "parser %d threw %s: %s\n", data[0] % 10, typeid(e).name(), e.what());
        contractBroken("a parser threw something other than GatewayError");
    }
    return 0;
}
