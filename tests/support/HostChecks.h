#pragma once
// What tests with real mock-host processes check from outside: a count or a text read from the
// host database, a child killed with SIGKILL and reaped, a child's exit code. CppUnit asserts.
#include "db/HostDatabase.h"

#include <cppunit/extensions/HelperMacros.h>

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/Statement.h>

#include <csignal>
#include <string>

#include <sys/wait.h>

namespace ict::test {

/// The first column of the first row of `sql`, a number.
inline long countOf(mockhost::HostDatabase& database, const std::string& sql) {
    using namespace Poco::Data::Keywords;
    Poco::Data::Session session = database.session();
    Poco::Int64 n = 0;
    session << sql, into(n), now;
    return static_cast<long>(n);
}

/// The first column of the first row of `sql` as text; "" when no row or NULL.
inline std::string textOf(mockhost::HostDatabase& database, const std::string& sql) {
    using namespace Poco::Data::Keywords;
    Poco::Data::Session session = database.session();
    Poco::Data::Statement select(session);
    select << sql, now;
    Poco::Data::RecordSet rows(select);
    return rows.rowCount() == 0 || rows.value(0, 0).isEmpty()
               ? std::string()
               : rows.value(0, 0).convert<std::string>();
}

/// Kills the child `pid` with SIGKILL and reaps it.
inline void killChild(int pid) {
    CPPUNIT_ASSERT_EQUAL(0, ::kill(pid, SIGKILL));
    int status = 0;
    CPPUNIT_ASSERT_EQUAL(pid, ::waitpid(pid, &status, 0));
    CPPUNIT_ASSERT(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
}

/// Waits for the child `pid`; its exit code, or -1 when a signal ended it.
inline int exitCodeOf(int pid) {
    int status = 0;
    CPPUNIT_ASSERT_EQUAL(pid, ::waitpid(pid, &status, 0));
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

} // namespace ict::test
