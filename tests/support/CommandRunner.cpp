#include "support/CommandRunner.h"

#include <Poco/StreamCopier.h>

#include <stdexcept>
#include <thread>

namespace ict::test {

CommandResult runCommand(const std::string& program, const std::vector<std::string>& args) {
    Poco::Pipe out;
    Poco::Pipe err;
    Poco::ProcessHandle handle = Poco::Process::launch(program, args, nullptr, &out, &err);
    CommandResult result;
    // stderr is drained on its own thread so neither pipe can fill up and stall the child.
    std::thread errReader([&] {
        Poco::PipeInputStream stream(err);
        Poco::StreamCopier::copyToString(stream, result.err);
    });
    Poco::PipeInputStream stream(out);
    Poco::StreamCopier::copyToString(stream, result.out);
    errReader.join();
    result.exitCode = handle.wait();
    return result;
}

BackgroundCommand::BackgroundCommand(const std::string& program,
                                     const std::vector<std::string>& args) {
    _handle = std::make_unique<Poco::ProcessHandle>(
        Poco::Process::launch(program, args, nullptr, &_out, nullptr));
    _stream = std::make_unique<Poco::PipeInputStream>(_out);
}

BackgroundCommand::~BackgroundCommand() {
    try {
        stop();
    } catch (...) {
    }
}

std::string BackgroundCommand::waitForLine(const std::string& marker) {
    std::string line;
    while (std::getline(*_stream, line)) {
        if (line.find(marker) != std::string::npos)
            return line;
    }
    throw std::runtime_error("the program ended before printing '" + marker + "'");
}

int BackgroundCommand::stop() {
    if (!_stopped) {
        _stopped = true;
        Poco::Process::requestTermination(_handle->id());
        _exitCode = _handle->wait();
    }
    return _exitCode;
}

} // namespace ict::test
