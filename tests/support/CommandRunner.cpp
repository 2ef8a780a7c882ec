#include "support/CommandRunner.h"

#include <Poco/StreamCopier.h>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

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

int spawnQuiet(const std::string& program, const std::vector<std::string>& args) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const std::string& arg : args)
        argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 1);
        ::dup2(null, 2);
        ::execv(program.c_str(), argv.data());
        ::_exit(127);
    }
    if (pid < 0)
        throw std::runtime_error("fork failed");
    return pid;
}

bool childAlive(int pid) {
    // WNOWAIT leaves an ended child to the caller's waitpid.
    siginfo_t info{};
    return ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
           info.si_pid == 0;
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
