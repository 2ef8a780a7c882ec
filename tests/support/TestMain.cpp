// Shared CppUnit runner: runs every registered suite, or the one named as the first argument, and
// ends with the "N passed, N failed" line CI reads.
#include <cppunit/BriefTestProgressListener.h>
#include <cppunit/CompilerOutputter.h>
#include <cppunit/TestResult.h>
#include <cppunit/TestResultCollector.h>
#include <cppunit/extensions/TestFactoryRegistry.h>
#include <cppunit/ui/text/TestRunner.h>

#include <iostream>
#include <stdexcept>

int main(int argc, char** argv) {
    CppUnit::TextUi::TestRunner runner;
    runner.addTest(CppUnit::TestFactoryRegistry::getRegistry().makeTest());
    runner.setOutputter(new CppUnit::CompilerOutputter(&runner.result(), std::cerr));
    CppUnit::BriefTestProgressListener progress;
    runner.eventManager().addListener(&progress);
    const std::string path = argc > 1 ? argv[1] : "";
    try {
        runner.run(path, false, true, false);
    } catch (const std::invalid_argument& e) {
        std::cerr << "no test suite named '" << path << "': " << e.what() << "\n";
        return 2;
    }
    const auto& result = runner.result();
    const int failed = result.testFailuresTotal();
    const int passed = result.runTests() - failed;
    std::cout << passed << " passed, " << failed << " failed" << std::endl;
    return failed == 0 && result.runTests() > 0 ? 0 : 1;
}
