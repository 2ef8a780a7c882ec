#include "loader/PluginFileCheck.h"

#include <cppunit/extensions/HelperMacros.h>

#include <cstdlib>
#include <sys/stat.h>
#include <unistd.h>

using namespace mockhost;

// Which plugin folder entries the host may open, from what lstat says of them.
class PluginFileCheckTest : public CppUnit::TestFixture {
    CPPUNIT_TEST_SUITE(PluginFileCheckTest);
    CPPUNIT_TEST(aLibraryOfRootOrTheHostsUserMayBeOpened);
    CPPUNIT_TEST(anotherOwnerIsRefusedNamingBothIds);
    CPPUNIT_TEST(writableByOthersIsRefusedNamingTheMode);
    CPPUNIT_TEST(linksAndNonRegularFilesAreRefused);
    CPPUNIT_TEST(onlyFilesNamedSoAreOpened);
    CPPUNIT_TEST(theFolderIsCheckedLikeItsFiles);
    CPPUNIT_TEST(factsComeFromLstat);
    CPPUNIT_TEST_SUITE_END();

    static PluginFileFacts file(uid_t owner, mode_t mode) {
        PluginFileFacts facts;
        facts.regular = true;
        facts.owner = owner;
        facts.mode = mode;
        return facts;
    }
    static std::string text(const std::optional<std::string>& refusal) {
        CPPUNIT_ASSERT_MESSAGE("expected a refusal", refusal.has_value());
        return *refusal;
    }
    static bool contains(const std::string& text, const std::string& part) {
        return text.find(part) != std::string::npos;
    }

public:
    void aLibraryOfRootOrTheHostsUserMayBeOpened() {
        CPPUNIT_ASSERT(!libraryRefusal("libtool.so", file(0, 0644), 1000));
        CPPUNIT_ASSERT(!libraryRefusal("libtool.so", file(1000, 0755), 1000));
        // Group write comes with Debian's default user umask (002): allowed.
        CPPUNIT_ASSERT(!libraryRefusal("libtool.so", file(1000, 0775), 1000));
    }

    void anotherOwnerIsRefusedNamingBothIds() {
        const auto refusal = text(libraryRefusal("libtool.so", file(1234, 0644), 1000));
        CPPUNIT_ASSERT_MESSAGE(refusal, contains(refusal, "owned by user id 1234"));
        CPPUNIT_ASSERT_MESSAGE(refusal, contains(refusal, "host's user (1000)"));
    }

    void writableByOthersIsRefusedNamingTheMode() {
        const auto refusal = text(libraryRefusal("libtool.so", file(0, 0666), 0));
        CPPUNIT_ASSERT_MESSAGE(refusal, contains(refusal, "writable by others (mode 666)"));
        CPPUNIT_ASSERT(manifestRefusal(file(0, 0646), 0).has_value());
    }

    void linksAndNonRegularFilesAreRefused() {
        PluginFileFacts link = file(0, 0777);
        link.regular = false;
        link.symlink = true;
        CPPUNIT_ASSERT(contains(text(libraryRefusal("libtool.so", link, 0)), "symbolic link"));
        CPPUNIT_ASSERT(contains(text(manifestRefusal(link, 0)), "symbolic link"));
        PluginFileFacts fifo = file(0, 0644);
        fifo.regular = false;
        CPPUNIT_ASSERT(contains(text(libraryRefusal("libtool.so", fifo, 0)), "not a regular"));
    }

    void onlyFilesNamedSoAreOpened() {
        for (const char* name : {"libtool.so.1", "libtool.so.bak", "tool", ".so", "README"})
            CPPUNIT_ASSERT_MESSAGE(
                name, contains(text(libraryRefusal(name, file(0, 0644), 0)), "not named *.so"));
    }

    void theFolderIsCheckedLikeItsFiles() {
        PluginFileFacts folder = file(0, 0755);
        folder.regular = false;
        folder.directory = true;
        CPPUNIT_ASSERT(!folderRefusal(folder, 1000));
        folder.mode = 0777;
        CPPUNIT_ASSERT(contains(text(folderRefusal(folder, 1000)), "plugin folder is writable"));
        folder.mode = 01777; // sticky does not help: the folder is someone else's to fill
        CPPUNIT_ASSERT(folderRefusal(folder, 1000).has_value());
        folder.mode = 0755;
        folder.owner = 42;
        CPPUNIT_ASSERT(contains(text(folderRefusal(folder, 1000)), "owned by user id 42"));
    }

    void factsComeFromLstat() {
        const std::string dir = std::string(ICT_BINARY_DIR) + "/test-tmp/plugin-file-check";
        CPPUNIT_ASSERT_EQUAL(0, std::system(("rm -rf '" + dir + "' && mkdir -p '" + dir +
                                             "' && touch '" + dir + "/lib.so' && chmod 646 '" +
                                             dir + "/lib.so' && ln -s lib.so '" + dir + "/link.so'")
                                                .c_str()));
        const PluginFileFacts plain = pluginFileFacts(dir + "/lib.so");
        CPPUNIT_ASSERT(plain.regular && !plain.symlink);
        CPPUNIT_ASSERT_EQUAL(mode_t(0646), plain.mode);
        CPPUNIT_ASSERT_EQUAL(::geteuid(), plain.owner);
        const PluginFileFacts link = pluginFileFacts(dir + "/link.so");
        CPPUNIT_ASSERT(link.symlink && !link.regular);
        CPPUNIT_ASSERT(pluginFileFacts(dir).directory);
        CPPUNIT_ASSERT_THROW(pluginFileFacts(dir + "/missing.so"), std::runtime_error);
    }
};

CPPUNIT_TEST_SUITE_REGISTRATION(PluginFileCheckTest);
