# Plugin: domain rules, no network or database.
ict_add_test_runner(ict_domain_tests domain plugin/domain LIBS ict_domain)
# Plugin: the Partner Center client (parsers offline; the client against the emulator over TLS).
ict_add_test_runner(ict_gateway_tests gateway plugin/gateway LIBS ict_core pc_emulator)
# Mock host: the Partner Center emulator, over real TLS on loopback.
ict_add_test_runner(emulator_tests emulator mock-host/emulator LIBS pc_emulator)
