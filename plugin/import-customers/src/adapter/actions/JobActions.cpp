#include "adapter/actions/JobActions.h"

#include "adapter/JobAnswers.h"

namespace ict::adapter {

std::string jobStatus(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                      const Poco::JSON::Object& body) {
    return jobStatusAnswer(runtime.services.jobs(), request.caller, body);
}

std::string cancelJob(ToolRuntime& runtime, const bss::sdk::ActionRequest& request,
                      const Poco::JSON::Object& body) {
    return cancelJobAnswer(runtime.services.jobs(), request.caller, body);
}

} // namespace ict::adapter
