// partner-center-emulator: runs the Partner Center emulator until SIGINT/SIGTERM.
#include "EmulatorCommandLine.h"
#include "PartnerCenterEmulator.h"
#include "data/DataSetFile.h"

#include <Poco/Exception.h>

#include <csignal>
#include <iostream>
#include <string>
#include <vector>

using namespace mockhost::emulator;

int main(int argc, char** argv) {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    // Blocked before any thread starts, so only sigwait below receives them.
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    try {
        const EmulatorCommandLine line =
            EmulatorCommandLine::parse(std::vector<std::string>(argv + 1, argv + argc));
        if (line.help) {
            std::cout << EmulatorCommandLine::usage();
            return 0;
        }
        PartnerCenterEmulator emulator(line.options);
        if (!line.saveData.empty())
            DataSetFile::save(emulator.state().snapshot(), line.saveData);
        emulator.start();
        const DataSet data = emulator.state().snapshot();
        std::cout << "Partner Center emulator listening on " << emulator.baseUrl() << "\n"
                  << "  CA certificate:     " << emulator.caCertificatePath() << "\n"
                  << "  partner tenant id:  " << emulator.partnerTenantId() << "\n"
                  << "  token endpoint:     " << emulator.baseUrl() << "/"
                  << emulator.partnerTenantId() << "/oauth2/token\n"
                  << "  API base:           " << emulator.baseUrl() << "/v1\n"
                  << "  control API:        " << emulator.baseUrl() << "/_emulator/info\n"
                  << "  data:               " << data.customers.size() << " customers, "
                  << data.resellers.size() << " resellers, " << data.subscriptionCount()
                  << " subscriptions\n"
                  << "  demo refresh token: " << emulator.initialRefreshToken() << "\n"
                  << std::flush;
        int received = 0;
        sigwait(&signals, &received);
        std::cout << "stopping" << std::endl;
        emulator.stop();
        return 0;
    } catch (const Poco::Exception& e) {
        std::cerr << "partner-center-emulator: " << e.displayText() << "\n"
                  << EmulatorCommandLine::usage();
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "partner-center-emulator: " << e.what() << "\n";
        return 2;
    }
}
