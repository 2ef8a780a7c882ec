#pragma once
/// The HTTP endpoints, one function each. They throw bss::sdk::ToolError for every refusal; the
/// router maps it to the status and error body.
#include "http/HttpExchange.h"

namespace mockhost {

void handleLogin(HttpExchange& exchange);          // POST /api/login
void handleLogout(HttpExchange& exchange);         // POST /api/logout
void handleMe(HttpExchange& exchange);             // GET  /api/me
void handleListTools(HttpExchange& exchange);      // GET  /api/tools
void handleToolAction(HttpExchange& exchange);     // POST /api/tools/{id}/actions/{action}
void handleToolStream(HttpExchange& exchange);     // GET|POST /api/tools/{id}/streams/{action}
void handleJobStatus(HttpExchange& exchange);      // GET  /api/jobs/{id}
void handleJobCancel(HttpExchange& exchange);      // POST /api/jobs/{id}/cancel
void handleToolEnablement(HttpExchange& exchange); // POST /api/admin/tools/{id}/enablement
void handleStaticFile(HttpExchange& exchange);     // GET  / and files under the web root

/// A job's status as JSON (used by the job handlers).
std::string jobStatusJson(const bss::sdk::JobStatus& status);

} // namespace mockhost
