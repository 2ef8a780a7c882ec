# Plugin: domain rules, no network or database.
ict_add_test_runner(ict_domain_tests domain plugin/domain LIBS ict_domain)
