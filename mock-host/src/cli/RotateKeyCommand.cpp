#include "cli/Commands.h"
#include "host/Host.h"
#include "secrets/HostKeyFile.h"
#include "services/InstanceStore.h"

#include <iostream>

namespace mockhost {

int runRotateKey(const CommandLine& line) {
    line.allowOnly({});
    Host host(line.hostOptions()); // seals any plain-text row first
    HostSecrets& secrets = host.database().secrets();
    const HostKeyFile file(secrets.keyFile());
    std::vector<HostKey> keys = file.loadOrCreate();
    const HostKey previous = keys.front();
    const HostKey fresh = HostKeyFile::newKey();
    // The file gains the new key first, so every value opens whatever happens next; then every
    // row is sealed with it in one transaction. The file then keeps the new key and the one
    // before it: a host running meanwhile may have sealed a token with that one, and reads the
    // new file at its next seal.
    keys.insert(keys.begin(), fresh);
    file.write(keys);
    secrets.reload();
    const std::size_t rows = InstanceStore(host.database()).resealAll();
    file.write({fresh, previous});
    secrets.reload();
    std::cout << "sealed the secrets of " << rows << " Microsoft instance(s) with the new key "
              << keyIdOf(fresh) << "; " << file.path() << " keeps it and the previous key "
              << keyIdOf(previous) << std::endl;
    return 0;
}

} // namespace mockhost
