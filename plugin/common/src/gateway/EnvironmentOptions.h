#pragma once
/// Client tunables a host operator sets in the environment, shared by every tool of the project.

#include "gateway/ClientOptions.h"

namespace ict::gateway {

/// ICT_PC_REQUESTS_PER_MINUTE, ICT_PC_MAX_IN_FLIGHT, ICT_PC_MAX_ATTEMPTS, ICT_PC_PAGE_SIZE
/// (customer list pages, at most Partner Center's 500), ICT_PC_BACKOFF_MS, ICT_PC_TIMEOUT_MS,
/// ICT_PC_RETRY_AFTER_MAX_MS (the longest Retry-After honoured) when set to a positive number, the
/// defaults otherwise.
ClientOptions clientOptionsFromEnvironment();

} // namespace ict::gateway
