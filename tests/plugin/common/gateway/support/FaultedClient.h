#pragma once
// A client of an in-process emulator that is ready before the faults start: the token fetched
// and a connection open (one customer list), then the test's faults applied and the emulator's
// counters reset, so the counters hold only what the test did under its faults.

#include "gateway/PartnerCenterClient.h"
#include "plugin/common/gateway/support/EmulatorHarness.h"
#include "plugin/common/gateway/support/MemoryTokenStore.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace ict::gateway::test {

class FaultedClient {
public:
    FaultedClient(GatewayLogger& logger, const RequestContext& context,
                  const std::function<void(mockhost::emulator::FaultSettings&)>& faults,
                  const std::function<void(ClientOptions&)>& tune = {})
        : _emulator(std::make_unique<EmulatorHarness>()),
          _store(std::make_unique<MemoryTokenStore>(_emulator->credentials())) {
        ClientOptions options = EmulatorHarness::fastOptions();
        if (tune)
            tune(options);
        _client = std::make_unique<PartnerCenterClient>(_emulator->credentials(), *_store, logger,
                                                        options);
        _client->customers(context);
        mockhost::emulator::FaultSettings settings = _emulator->state().faults();
        faults(settings);
        _emulator->state().setFaults(settings);
        _emulator->state().counters().reset();
    }
    ~FaultedClient() {
        _client.reset(); // before the server it talks to
        _emulator.reset();
    }

    EmulatorHarness& emulator() { return *_emulator; }
    PartnerCenterClient& client() { return *_client; }
    /// Requests the emulator counted under `endpoint` since the faults started.
    std::int64_t count(const std::string& endpoint) {
        return _emulator->state().counters().count(endpoint);
    }

private:
    std::unique_ptr<EmulatorHarness> _emulator;
    std::unique_ptr<MemoryTokenStore> _store;
    std::unique_ptr<PartnerCenterClient> _client;
};

} // namespace ict::gateway::test
