// The loader as the host binary runs it: `mock-host plugins --plugins <fixture dir>`, each case in
// its own process (a library loads once per process).
#include "support/CommandRunner.h"

#include <bss/sdk/Version.h>

#include <cppunit/extensions/HelperMacros.h>

#include <cstdlib>
#include <sstream>

namespace {

const std::string kHost = ICT_BINARY_DIR "/bin/mock-host";
const std::string kFixtures = MOCK_HOST_FIXTURE_PLUGIN_DIR;

/// The stdout line that starts with `prefix`, or "" when there is none.
std::string lineStartingWith(const std::string& text, const std::string& prefix) {
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(prefix, 0) == 0)
            return line;
    }
    return "";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

class PluginLoaderTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PluginLoaderTest);
    CPPUNIT_TEST(loadsTheRealToolWithItsVersionAndAbi);
    CPPUNIT_TEST(refusesAnotherAbiMajorNamingBothValues);
    CPPUNIT_TEST(refusesALibraryWithoutCreateExport);
    CPPUNIT_TEST(refusesATextFileNamedLikeALibrary);
    CPPUNIT_TEST(refusesANewerAbiMinorNamingBothValues);
    CPPUNIT_TEST(refusesAnotherBuildFingerprint);
    CPPUNIT_TEST(refusesACreateThatReturnsNull);
    CPPUNIT_TEST(logsEveryRefusalByFileName);
    CPPUNIT_TEST(missingFolderLoadsNothingAndRunsOn);
    CPPUNIT_TEST(loadsTheRealToolThroughItsManifest);
    CPPUNIT_TEST(refusesALibraryWithoutAManifestUnopened);
    CPPUNIT_TEST(refusesLinksOtherNamesAndFilesWritableByOthers);
    CPPUNIT_TEST(refusesAFolderWritableByOthers);
    CPPUNIT_TEST(refusesAManifestWhoseAbiDisagreesWithTheLibraryNamingBoth);
    CPPUNIT_TEST(refusesAManifestOfAnotherAbiBeforeOpeningItsLibrary);
    CPPUNIT_TEST(refusesAManifestNamingAMissingLibrary);
    CPPUNIT_TEST(refusesAManifestWithABadFieldNamingIt);
    CPPUNIT_TEST_SUITE_END();

public:
    void loadsTheRealToolWithItsVersionAndAbi() {
        const auto result = ict::test::runCommand(kHost, {"plugins", "--plugins", kFixtures});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(result.err, 0, result.exitCode);
        const std::string line = lineStartingWith(result.out, "loaded import-customers ");
        CPPUNIT_ASSERT_MESSAGE(result.out, !line.empty());
        CPPUNIT_ASSERT_MESSAGE(line, contains(line, "version " ICT_TEST_TOOL_VERSION));
        const std::string abi = "abi " + std::to_string(bss::sdk::kAbiMajor) + "." +
                                std::to_string(bss::sdk::kAbiMinor);
        CPPUNIT_ASSERT_MESSAGE(line, contains(line, abi));
        CPPUNIT_ASSERT_MESSAGE(line, contains(line, "file libimport_customers_tool.so"));
        // Only the real tool loads; the valid fixture without a manifest does not.
        CPPUNIT_ASSERT_EQUAL(std::string(""), lineStartingWith(result.out, "loaded wrong-abi"));
        CPPUNIT_ASSERT_EQUAL(std::string(""), lineStartingWith(result.out, "loaded no-manifest"));
        std::istringstream lines(result.out);
        std::string each;
        int loaded = 0;
        while (std::getline(lines, each))
            loaded += each.rfind("loaded ", 0) == 0 ? 1 : 0;
        CPPUNIT_ASSERT_EQUAL_MESSAGE(result.out, 1, loaded);
    }

    void refusesAnotherAbiMajorNamingBothValues() {
        const auto result = ict::test::runCommand(kHost, {"plugins", "--plugins", kFixtures});
        const std::string line = lineStartingWith(result.out, "refused libfixture_wrong_abi.so:");
        CPPUNIT_ASSERT_MESSAGE(result.out, !line.empty());
        CPPUNIT_ASSERT_MESSAGE(line, contains(line, "ABI major mismatch"));
        const std::string host =
            std::to_string(bss::sdk::kAbiMajor) + "." + std::to_string(bss::sdk::kAbiMinor);
        const std::string plugin =
            std::to_string(bss::sdk::kAbiMajor + 1) + "." + std::to_string(bss::sdk::kAbiMinor);
        CPPUNIT_ASSERT_MESSAGE(line, contains(line, "plugin has ABI " + plugin));
        CPPUNIT_ASSERT_MESSAGE(line, contains(line, "host has ABI " + host));
    }

    void refusesALibraryWithoutCreateExport() {
        const auto result = ict::test::runCommand(kHost, {"plugins", "--plugins", kFixtures});
        const std::string line =
            lineStartingWith(result.out, "refused libfixture_missing_create.so:");
        CPPUNIT_ASSERT_MESSAGE(result.out, !line.empty());
        CPPUNIT_ASSERT_MESSAGE(line, contains(line, "no 'bss_tool_create' export"));
    }

    void refusesATextFileNamedLikeALibrary() {
        const auto result = ict::test::runCommand(kHost, {"plugins", "--plugins", kFixtures});
        const std::string line = lineStartingWith(result.out, "refused libnot_a_plugin.so:");
        CPPUNIT_ASSERT_MESSAGE(result.out, !line.empty());
        CPPUNIT_ASSERT_MESSAGE(line, contains(line, "not a loadable library"));
    }

    void refusesANewerAbiMinorNamingBothValues() {
        const auto result = ict::test::runCommand(kHost, {"plugins", "--plugins", kFixtures});
        const std::string line = lineStartingWith(result.out, "refused libfixture_newer_minor.so:");
        CPPUNIT_ASSERT_MESSAGE(result.out, !line.empty());
        const std::string host =
            std::to_string(bss::sdk::kAbiMajor) + "." + std::to_string(bss::sdk::kAbiMinor);
        const std::string plugin =
            std::to_string(bss::sdk::kAbiMajor) + "." + std::to_string(bss::sdk::kAbiMinor + 1);
        CPPUNIT_ASSERT_MESSAGE(line, contains(line, "ABI minor too new"));
        CPPUNIT_ASSERT_MESSAGE(line, contains(line, "plugin has ABI " + plugin));
        CPPUNIT_ASSERT_MESSAGE(line, contains(line, "host has ABI " + host));
    }

    void refusesAnotherBuildFingerprint() {
        const auto result = ict::test::runCommand(kHost, {"plugins", "--plugins", kFixtures});
        const std::string line =
            lineStartingWith(result.out, "refused libfixture_other_fingerprint.so:");
        CPPUNIT_ASSERT_MESSAGE(result.out, !line.empty());
        CPPUNIT_ASSERT_MESSAGE(line, contains(line, "build fingerprint mismatch"));
        CPPUNIT_ASSERT_MESSAGE(line, contains(line, "'gcc-0,cxx11abi=0,cxx=0'"));
        CPPUNIT_ASSERT_MESSAGE(
            line, contains(line, std::string("host has '") + BSS_SDK_BUILD_FINGERPRINT + "'"));
    }

    void refusesACreateThatReturnsNull() {
        const auto result = ict::test::runCommand(kHost, {"plugins", "--plugins", kFixtures});
        const std::string line = lineStartingWith(result.out, "refused libfixture_null_create.so:");
        CPPUNIT_ASSERT_MESSAGE(result.out, !line.empty());
        CPPUNIT_ASSERT_MESSAGE(line, contains(line, "bss_tool_create returned null"));
    }

    void logsEveryRefusalByFileName() {
        const auto result = ict::test::runCommand(kHost, {"plugins", "--plugins", kFixtures});
        for (const char* file : {"libfixture_wrong_abi.so", "libfixture_newer_minor.so",
                                 "libfixture_other_fingerprint.so", "libfixture_null_create.so",
                                 "libfixture_missing_create.so", "libnot_a_plugin.so"})
            CPPUNIT_ASSERT_MESSAGE(
                result.err,
                contains(result.err, std::string("refused plugin file '") + file + "'"));
        CPPUNIT_ASSERT_MESSAGE(result.err, contains(result.err, "loaded tool 'import-customers'"));
    }

    void missingFolderLoadsNothingAndRunsOn() {
        const auto result =
            ict::test::runCommand(kHost, {"plugins", "--plugins", kFixtures + "/does-not-exist"});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(result.err, 0, result.exitCode);
        CPPUNIT_ASSERT_EQUAL(std::string(""), result.out);
        CPPUNIT_ASSERT_MESSAGE(result.err, contains(result.err, "does not exist"));
    }

    void loadsTheRealToolThroughItsManifest() {
        const auto result = ict::test::runCommand(kHost, {"plugins", "--plugins", kFixtures});
        const std::string line = lineStartingWith(result.out, "loaded import-customers ");
        CPPUNIT_ASSERT_MESSAGE(result.out, contains(line, "manifest import_customers_tool.json"));
        CPPUNIT_ASSERT_MESSAGE(result.err,
                               contains(result.err, "manifest import_customers_tool.json"));
    }

    void refusesALibraryWithoutAManifestUnopened() {
        const auto result = ict::test::runCommand(kHost, {"plugins", "--plugins", kFixtures});
        const std::string line = lineStartingWith(result.out, "refused libfixture_no_manifest.so:");
        CPPUNIT_ASSERT_MESSAGE(result.out, contains(line, "no manifest in the folder names it"));
        CPPUNIT_ASSERT_MESSAGE(
            result.err, contains(result.err, "refused plugin file 'libfixture_no_manifest.so'"));
    }

    void refusesLinksOtherNamesAndFilesWritableByOthers() {
        const std::string dir = freshFolder("loader-entries");
        shell("cp '" + kFixtures + "/libimport_customers_tool.so' '" + kFixtures +
              "/import_customers_tool.json' '" + dir + "/' && chmod 755 '" + dir +
              "/libimport_customers_tool.so' && ln -s libimport_customers_tool.so '" + dir +
              "/liblink.so' && cp '" + dir + "/libimport_customers_tool.so' '" + dir +
              "/libimport_customers_tool.so.1' && cp '" + dir + "/libimport_customers_tool.so' '" +
              dir + "/libopen.so' && chmod 757 '" + dir + "/libopen.so'");
        const auto result = ict::test::runCommand(kHost, {"plugins", "--plugins", dir});
        CPPUNIT_ASSERT_EQUAL_MESSAGE(result.err, 0, result.exitCode);
        CPPUNIT_ASSERT_MESSAGE(result.out,
                               !lineStartingWith(result.out, "loaded import-customers ").empty());
        CPPUNIT_ASSERT_MESSAGE(result.out,
                               contains(lineStartingWith(result.out, "refused liblink.so:"),
                                        "a symbolic link; not followed"));
        CPPUNIT_ASSERT_MESSAGE(
            result.out,
            contains(lineStartingWith(result.out, "refused libimport_customers_tool.so.1:"),
                     "not named *.so"));
        CPPUNIT_ASSERT_MESSAGE(result.out,
                               contains(lineStartingWith(result.out, "refused libopen.so:"),
                                        "writable by others (mode 757)"));
    }

    void refusesAFolderWritableByOthers() {
        const std::string dir = freshFolder("loader-open-folder");
        shell("cp '" + kFixtures + "/libimport_customers_tool.so' '" + kFixtures +
              "/import_customers_tool.json' '" + dir + "/' && chmod 777 '" + dir + "'");
        const auto result = ict::test::runCommand(kHost, {"plugins", "--plugins", dir});
        CPPUNIT_ASSERT_EQUAL(std::string(""), lineStartingWith(result.out, "loaded "));
        CPPUNIT_ASSERT_MESSAGE(result.err,
                               contains(result.err, "plugin folder is writable by others"));
        CPPUNIT_ASSERT_MESSAGE(result.err, contains(result.err, "no tools loaded"));
    }

    void refusesAManifestWhoseAbiDisagreesWithTheLibraryNamingBoth() {
        const auto result = ict::test::runCommand(kHost, {"plugins", "--plugins", kFixtures});
        const std::string line =
            lineStartingWith(result.out, "refused libfixture_manifest_mismatch.so:");
        CPPUNIT_ASSERT_MESSAGE(result.out, !line.empty());
        const std::string declared = abi(bss::sdk::kAbiMajor, bss::sdk::kAbiMinor);
        const std::string exported = abi(bss::sdk::kAbiMajor, bss::sdk::kAbiMinor - 1);
        CPPUNIT_ASSERT_MESSAGE(line, contains(line, "manifest/library ABI mismatch"));
        CPPUNIT_ASSERT_MESSAGE(
            line,
            contains(line, "manifest fixture_manifest_mismatch.json declares ABI " + declared));
        CPPUNIT_ASSERT_MESSAGE(line, contains(line, "library exports ABI " + exported));
        CPPUNIT_ASSERT_EQUAL(std::string(""),
                             lineStartingWith(result.out, "loaded manifest-mismatch"));
    }

    void refusesAManifestOfAnotherAbiBeforeOpeningItsLibrary() {
        const auto result = ict::test::runCommand(kHost, {"plugins", "--plugins", kFixtures});
        const std::string manifest =
            lineStartingWith(result.out, "refused fixture_manifest_future.json:");
        CPPUNIT_ASSERT_MESSAGE(result.out, !manifest.empty());
        CPPUNIT_ASSERT_MESSAGE(manifest, contains(manifest, "ABI major mismatch"));
        CPPUNIT_ASSERT_MESSAGE(manifest,
                               contains(manifest, "declares ABI " + abi(bss::sdk::kAbiMajor + 1,
                                                                        bss::sdk::kAbiMinor)));
        CPPUNIT_ASSERT_MESSAGE(
            manifest,
            contains(manifest, "host has ABI " + abi(bss::sdk::kAbiMajor, bss::sdk::kAbiMinor)));
        // The library itself is valid; it is refused only because its manifest was.
        const std::string library =
            lineStartingWith(result.out, "refused libfixture_manifest_future.so:");
        CPPUNIT_ASSERT_MESSAGE(
            result.out, contains(library, "manifest fixture_manifest_future.json was refused"));
        CPPUNIT_ASSERT_EQUAL(std::string(""),
                             lineStartingWith(result.out, "loaded manifest-future"));
    }

    void refusesAManifestNamingAMissingLibrary() {
        const auto result = ict::test::runCommand(kHost, {"plugins", "--plugins", kFixtures});
        const std::string line =
            lineStartingWith(result.out, "refused manifest_missing_library.json:");
        CPPUNIT_ASSERT_MESSAGE(result.out, contains(line, "'libfixture_not_there.so'"));
        CPPUNIT_ASSERT_MESSAGE(line, contains(line, "not in the plugin folder"));
    }

    void refusesAManifestWithABadFieldNamingIt() {
        const auto result = ict::test::runCommand(kHost, {"plugins", "--plugins", kFixtures});
        const std::string line = lineStartingWith(result.out, "refused manifest_bad_field.json:");
        CPPUNIT_ASSERT_MESSAGE(result.out, contains(line, "field 'abiMajor'"));
        CPPUNIT_ASSERT_MESSAGE(line, contains(line, "'one'"));
    }

private:
    static void shell(const std::string& command) {
        CPPUNIT_ASSERT_EQUAL_MESSAGE(command, 0, std::system(command.c_str()));
    }
    /// An empty folder of the host's user, mode 755, under the build tree.
    static std::string freshFolder(const std::string& name) {
        const std::string dir = std::string(ICT_BINARY_DIR) + "/test-tmp/" + name;
        shell("rm -rf '" + dir + "' && mkdir -p '" + dir + "' && chmod 755 '" + dir + "'");
        return dir;
    }
    static std::string abi(std::uint32_t major, std::uint32_t minor) {
        return std::to_string(major) + "." + std::to_string(minor);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(PluginLoaderTest);
