# Plugin: domain rules, no network or database.
ict_add_test_runner(ict_domain_tests domain plugin/domain LIBS ict_domain)
# Plugin: the Partner Center client (parsers offline; the client against the emulator over TLS).
ict_add_test_runner(ict_gateway_tests gateway plugin/gateway LIBS ict_core pc_emulator)
