// partner-center-emulator: runs the Partner Center emulator until SIGINT/SIGTERM.
#include "PartnerCenterEmulator.h"
#include "data/DataSetFile.h"

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>

#include <csignal>
#include <iostream>
#include <map>
#include <string>

using namespace mockhost::emulator;

namespace {

const char* const kUsage =
    "usage: partner-center-emulator [--port 8443] [--cert-dir var/emulator] [--seed 42]\n"
    "         [--tenants 200] [--model both|direct|indirect] [--resellers N]\n"
    "         [--data file.json] [--save-data file.json] [--latency-ms N] [--rate-limit N]\n"
    "         [--certificate trusted|foreign-ca|wrong-host] [--client-id ID --client-secret S]\n"
    "         [--host 127.0.0.1]\n";

int number(const std::string& option, const std::string& value) {
    int parsed = 0;
    if (!Poco::NumberParser::tryParse(value, parsed) || parsed < 0)
        throw Poco::InvalidArgumentException(option + " needs a non-negative number, not '" +
                                             value + "'");
    return parsed;
}

EmulatorOptions parse(int argc, char** argv, std::string& saveData) {
    EmulatorOptions options;
    options.port = 8443;
    options.certDirectory = "var/emulator";
    for (int i = 1; i < argc; ++i) {
        const std::string option = argv[i];
        if (option == "--help" || option == "-h") {
            std::cout << kUsage;
            std::exit(0);
        }
        if (i + 1 >= argc)
            throw Poco::InvalidArgumentException(option + " needs a value");
        const std::string value = argv[++i];
        if (option == "--port")
            options.port = number(option, value);
        else if (option == "--host")
            options.host = value;
        else if (option == "--cert-dir")
            options.certDirectory = value;
        else if (option == "--seed")
            options.data.seed = Poco::NumberParser::parseUnsigned64(value);
        else if (option == "--tenants")
            options.data.tenantCount = number(option, value);
        else if (option == "--resellers")
            options.data.resellerCount = number(option, value);
        else if (option == "--model")
            options.data.model = parseSalesModel(value);
        else if (option == "--data")
            options.dataFile = value;
        else if (option == "--save-data")
            saveData = value;
        else if (option == "--latency-ms")
            options.faults.latencyMs = number(option, value);
        else if (option == "--rate-limit")
            options.faults.rateLimitPerMinute = number(option, value);
        else if (option == "--client-id")
            options.clientId = value;
        else if (option == "--client-secret")
            options.clientSecret = value;
        else if (option == "--certificate") {
            if (value == "trusted")
                options.certificate = ServerCertificate::Trusted;
            else if (value == "foreign-ca")
                options.certificate = ServerCertificate::ForeignCa;
            else if (value == "wrong-host")
                options.certificate = ServerCertificate::WrongHost;
            else
                throw Poco::InvalidArgumentException(
                    "--certificate must be trusted, foreign-ca or wrong-host, not '" + value + "'");
        } else
            throw Poco::InvalidArgumentException("unknown option " + option);
    }
    options.faults.seed = options.data.seed;
    return options;
}

} // namespace

int main(int argc, char** argv) {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    // Blocked before any thread starts, so only sigwait below receives them.
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    try {
        std::string saveData;
        const EmulatorOptions options = parse(argc, argv, saveData);
        PartnerCenterEmulator emulator(options);
        if (!saveData.empty())
            DataSetFile::save(emulator.state().snapshot(), saveData);
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
        std::cerr << "partner-center-emulator: " << e.displayText() << "\n" << kUsage;
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "partner-center-emulator: " << e.what() << "\n";
        return 2;
    }
}
