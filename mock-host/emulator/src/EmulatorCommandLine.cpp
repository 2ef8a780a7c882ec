#include "EmulatorCommandLine.h"

#include <algorithm>

#include <Poco/Exception.h>
#include <Poco/NumberParser.h>

namespace mockhost::emulator {

namespace {

int number(const std::string& option, const std::string& value) {
    int parsed = 0;
    if (!Poco::NumberParser::tryParse(value, parsed) || parsed < 0)
        throw Poco::InvalidArgumentException(option + " needs a non-negative number, not '" +
                                             value + "'");
    return parsed;
}

ServerCertificate certificate(const std::string& value) {
    if (value == "trusted")
        return ServerCertificate::Trusted;
    if (value == "foreign-ca")
        return ServerCertificate::ForeignCa;
    if (value == "wrong-host")
        return ServerCertificate::WrongHost;
    throw Poco::InvalidArgumentException(
        "--certificate must be trusted, foreign-ca or wrong-host, not '" + value + "'");
}

} // namespace

const char* EmulatorCommandLine::usage() {
    return "usage: partner-center-emulator [--port 8443] [--cert-dir var/emulator] [--seed 42]\n"
           "         [--tenants 200] [--model both|direct|indirect] [--resellers N]\n"
           "         [--max-subscriptions 8] [--threads 16]\n"
           "         [--data file.json] [--save-data file.json] [--latency-ms N]\n"
           "         [--rate-limit N] [--rate-limit-burst N]\n"
           "         [--throttle-every N] [--throttle-every-retry-after S]\n"
           "         [--certificate trusted|foreign-ca|wrong-host] [--client-id ID --client-secret "
           "S]\n"
           "         [--host 127.0.0.1]\n";
}

EmulatorCommandLine EmulatorCommandLine::parse(const std::vector<std::string>& arguments) {
    EmulatorCommandLine line;
    EmulatorOptions& options = line.options;
    options.port = 8443;
    options.certDirectory = "var/emulator";
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& option = arguments[i];
        if (option == "--help" || option == "-h") {
            line.help = true;
            return line;
        }
        if (i + 1 >= arguments.size())
            throw Poco::InvalidArgumentException(option + " needs a value");
        const std::string& value = arguments[++i];
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
        else if (option == "--max-subscriptions")
            options.data.maxSubscriptionsPerTenant = number(option, value);
        else if (option == "--threads")
            options.threads = std::max(1, number(option, value));
        else if (option == "--model")
            options.data.model = parseSalesModel(value);
        else if (option == "--data")
            options.dataFile = value;
        else if (option == "--save-data")
            line.saveData = value;
        else if (option == "--latency-ms")
            options.faults.latencyMs = number(option, value);
        else if (option == "--rate-limit")
            options.faults.rateLimitPerMinute = number(option, value);
        else if (option == "--rate-limit-burst")
            options.faults.rateLimitBurst = number(option, value);
        else if (option == "--throttle-every")
            options.faults.throttleEveryNth = number(option, value);
        else if (option == "--throttle-every-retry-after")
            options.faults.throttleEveryNthRetryAfterSeconds = number(option, value);
        else if (option == "--client-id")
            options.clientId = value;
        else if (option == "--client-secret")
            options.clientSecret = value;
        else if (option == "--certificate")
            options.certificate = certificate(value);
        else
            throw Poco::InvalidArgumentException("unknown option " + option);
    }
    options.faults.seed = options.data.seed;
    return line;
}

} // namespace mockhost::emulator
