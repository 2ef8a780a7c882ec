#include "application/AnswerLostMessage.h"

namespace ict::application {

std::string answerLostMessage(const std::string& instanceName, const std::string& runAgain) {
    return "The token request of the Microsoft Cloud Services instance '" + instanceName +
           "' may have reached Microsoft Entra ID, but its answer was lost on the way (timeout "
           "or cut connection). It was not sent again, since Entra may already have replaced the "
           "instance's refresh token and presenting the old one twice can get it revoked. Run " +
           runAgain +
           " again: if the instance then reports that it is not authenticated, renew its token "
           "(sign in again as a Partner Center admin in BSS Setup > Microsoft Cloud Services).";
}

} // namespace ict::application
