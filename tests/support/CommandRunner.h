#pragma once
/// Runs a program in its own process and collects its output (tests of the mock-host binary).
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>

#include <memory>
#include <string>
#include <vector>

namespace ict::test {

struct CommandResult {
    int exitCode = -1;
    std::string out;
    std::string err;
};

/// Runs `program args...` to completion. Throws Poco::Exception when it cannot start.
CommandResult runCommand(const std::string& program, const std::vector<std::string>& args);

/// Starts `program args...` in a child process with stdout and stderr discarded (a process a
/// test means to kill); returns its pid. Throws std::runtime_error when fork fails.
int spawnQuiet(const std::string& program, const std::vector<std::string>& args);

/// True while the child `pid` has not ended (it is left for a later waitpid).
bool childAlive(int pid);

/// A program running in the background with its stdout readable line by line; stderr goes to
/// the test's stderr. The destructor interrupts (SIGINT) and waits for it.
class BackgroundCommand {
public:
    BackgroundCommand(const std::string& program, const std::vector<std::string>& args);
    ~BackgroundCommand();
    /// Reads stdout lines until one contains `marker`; returns it. Throws std::runtime_error
    /// when stdout ends first.
    std::string waitForLine(const std::string& marker);
    /// Sends SIGINT and waits; returns the exit code.
    int stop();

private:
    Poco::Pipe _out;
    std::unique_ptr<Poco::ProcessHandle> _handle;
    std::unique_ptr<Poco::PipeInputStream> _stream;
    bool _stopped = false;
    int _exitCode = -1;
};

} // namespace ict::test
