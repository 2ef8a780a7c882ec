#include "application/QuietRecord.h"

#include <Poco/Exception.h>

#include <exception>

namespace ict::application {

void recordQuietly(bss::sdk::Logger& logger, const std::string& runId,
                   const std::function<void()>& record) noexcept {
    std::string what;
    try {
        record();
        return;
    } catch (const Poco::Exception& e) {
        what = e.displayText();
    } catch (const std::exception& e) {
        what = e.what();
    } catch (...) {
        what = "an unknown exception";
    }
    try {
        logger.warning("run " + runId + ": its end could not be recorded (" + what +
                       "); it stays running until its lease expires and is then marked "
                       "interrupted");
    } catch (...) {
        // Nothing is left to tell: the run's own error still reaches the caller.
    }
}

} // namespace ict::application
