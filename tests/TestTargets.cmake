# Plugin: domain rules, no network or database.
ict_add_test_runner(ict_domain_tests domain plugin/domain LIBS ict_domain)
# Mock host: the Partner Center emulator, over real TLS on loopback.
ict_add_test_runner(emulator_tests emulator mock-host/emulator LIBS pc_emulator)
