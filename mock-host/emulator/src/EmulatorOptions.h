#pragma once

#include "data/GeneratorOptions.h"
#include "faults/FaultSettings.h"
#include "tls/TlsFiles.h"

#include <string>

namespace mockhost::emulator {

/// Switches for facts the reference marks unconfirmed: the emulator serves one documented form
/// by default and the other on request.
struct CompatibilityOptions {
    /// links.next.uri as "/v1/customers?..." instead of "/customers?...".
    bool nextLinkWithV1 = false;
    /// Error bodies carry "code":"20002" instead of "code":20002.
    bool errorCodeAsString = false;
    /// The last page still carries a continuation token; following it answers 400 code 2000
    /// (the end-of-pages signal Microsoft's NCE tool handles). Off: the last page has no next.
    bool exhaustedContinuationAs400 = false;
    /// Token responses carry expires_in as a string ("3599", as v1 samples show) or a number.
    bool expiresInAsString = true;
    /// Page size when `size` is absent or 0, and the largest honoured (larger is clamped).
    int defaultPageSize = 100;
    int maxPageSize = 500;
    /// The 401 code for an expired access token.
    int expiredAccessTokenCode = 900421;
    /// Redeeming a refresh token invalidates it (clients must keep the rotated one).
    bool strictRefreshRotation = false;
    /// With strictRefreshRotation: presenting a retired refresh token again revokes every token
    /// descended from the same consent, the newest included (reuse detection, as Entra may do).
    bool revokeFamilyOnReuse = false;
    /// A broken or hostile server's seek paging, for the client's defences: "" (off), "cycle"
    /// (the second page leads back to the first, so two tokens alternate for ever), "endless"
    /// (every page says there is more; past the end pages are empty, each with a fresh token),
    /// "extraHeader" (links.next.headers also asks for a header X-Injected whose value holds
    /// CR/LF and a forged X-Forged line) or "controlInToken" (the continuation token's value in
    /// links.next.headers holds CR/LF).
    std::string hostilePaging;
};

struct EmulatorOptions {
    std::string host = "127.0.0.1";
    int port = 0; ///< 0 = ephemeral
    /// Where the CA and server certificates live (created when missing). Required.
    std::string certDirectory;
    ServerCertificate certificate = ServerCertificate::Trusted;
    GeneratorOptions data;
    /// When set, the data set is loaded from this JSON file instead of being generated.
    std::string dataFile;
    FaultSettings faults;
    CompatibilityOptions compatibility;
    int accessTokenLifetimeSeconds = 3600;
    /// When non-empty the token endpoint requires these (invalid_client otherwise).
    std::string clientId;
    std::string clientSecret;
    int threads = 16;
    int queueSize = 64;
};

} // namespace mockhost::emulator
