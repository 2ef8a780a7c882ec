#pragma once
/// The message for a token request whose answer was lost (GatewayErrorKind::AnswerLost): names
/// the instance, says why the request is not repeated and what the user can do. No secret.

#include <string>

namespace ict::application {

/// `runAgain` completes "... Run <runAgain> again", e.g. "Get Hierarchy", "the import".
std::string answerLostMessage(const std::string& instanceName, const std::string& runAgain);

} // namespace ict::application
