#include "loader/PluginLoader.h"

#include "loader/PluginFileCheck.h"
#include "loader/PluginManifest.h"

#include <bss/sdk/AbiInfo.h>
#include <bss/sdk/Version.h>

#include <boost/dll/import.hpp>
#include <boost/dll/shared_library.hpp>

#include <Poco/DirectoryIterator.h>
#include <Poco/File.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <map>
#include <set>
#include <stdexcept>
#include <unistd.h>

namespace mockhost {
namespace {

namespace dll = boost::dll;

struct Refusal {
    std::string reason;
};

std::string abiText(std::uint32_t major, std::uint32_t minor) {
    return std::to_string(major) + "." + std::to_string(minor);
}

bool isManifestName(const std::string& name) {
    static const std::string suffix = ".json";
    return name.size() > suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string orEmpty(const char* text) {
    return text ? text : "";
}

/// Checks the plugin's AbiInfo against this host; throws Refusal naming both values.
void checkAbi(const bss::sdk::AbiInfo* info) {
    if (!info)
        throw Refusal{"bss_tool_abi_info returned null"};
    // Only the fields both sides know are read; a shorter struct is an older, unknown layout.
    if (info->structSize < offsetof(bss::sdk::AbiInfo, buildFingerprint) + sizeof(const char*))
        throw Refusal{"AbiInfo of " + std::to_string(info->structSize) +
                      " bytes is too small (host expects " +
                      std::to_string(sizeof(bss::sdk::AbiInfo)) + ")"};
    const std::string host = abiText(bss::sdk::kAbiMajor, bss::sdk::kAbiMinor);
    const std::string plugin = abiText(info->abiMajor, info->abiMinor);
    if (info->abiMajor != bss::sdk::kAbiMajor)
        throw Refusal{"ABI major mismatch: plugin has ABI " + plugin + ", host has ABI " + host};
    if (info->abiMinor > bss::sdk::kAbiMinor)
        throw Refusal{"ABI minor too new: plugin has ABI " + plugin + ", host has ABI " + host};
    const std::string fingerprint = orEmpty(info->buildFingerprint);
    if (fingerprint != BSS_SDK_BUILD_FINGERPRINT)
        throw Refusal{"build fingerprint mismatch: plugin has '" + fingerprint + "', host has '" +
                      BSS_SDK_BUILD_FINGERPRINT + "'"};
    if (orEmpty(info->toolId).empty())
        throw Refusal{"AbiInfo has an empty tool id"};
}

/// A manifest is read before its library is opened, so an incompatible package is refused
/// without running any of its code. Throws Refusal naming the manifest's and the host's ABI.
void checkManifestAgainstHost(const PluginManifest& manifest) {
    const std::string host = abiText(bss::sdk::kAbiMajor, bss::sdk::kAbiMinor);
    if (manifest.abiMajor != bss::sdk::kAbiMajor)
        throw Refusal{"ABI major mismatch: manifest " + manifest.file + " declares ABI " +
                      manifest.abiText() + ", host has ABI " + host};
    if (manifest.abiMinor > bss::sdk::kAbiMinor)
        throw Refusal{"ABI minor too new: manifest " + manifest.file + " declares ABI " +
                      manifest.abiText() + ", host has ABI " + host};
}

/// The manifest must describe the library it names; the exported AbiInfo is the truth.
void checkManifestAgainstLibrary(const PluginManifest& manifest, const bss::sdk::AbiInfo& info) {
    const std::string exported = abiText(info.abiMajor, info.abiMinor);
    if (info.abiMajor != manifest.abiMajor || info.abiMinor != manifest.abiMinor)
        throw Refusal{"manifest/library ABI mismatch: manifest " + manifest.file +
                      " declares ABI " + manifest.abiText() + ", library exports ABI " + exported};
    if (orEmpty(info.toolId) != manifest.id)
        throw Refusal{"manifest/library id mismatch: manifest " + manifest.file + " declares id '" +
                      manifest.id + "', library exports id '" + orEmpty(info.toolId) + "'"};
    if (orEmpty(info.toolVersion) != manifest.version)
        throw Refusal{"manifest/library version mismatch: manifest " + manifest.file +
                      " declares version " + manifest.version + ", library exports version " +
                      orEmpty(info.toolVersion)};
}

void checkManifestAgainstDescriptor(const PluginManifest& manifest,
                                    const bss::sdk::ToolDescriptor& descriptor) {
    if (descriptor.displayName != manifest.displayName)
        throw Refusal{"manifest " + manifest.file + " declares display name '" +
                      manifest.displayName + "', the tool reports '" + descriptor.displayName +
                      "'"};
    if (descriptor.requiredPermission != manifest.requiredPermission)
        throw Refusal{"manifest " + manifest.file + " declares required permission '" +
                      manifest.requiredPermission + "', the tool reports '" +
                      descriptor.requiredPermission + "'"};
}

LoadedTool loadFile(const std::string& path, const std::string& name,
                    const PluginManifest& manifest) {
    auto library = std::make_shared<dll::shared_library>();
    try {
        library->load(path, dll::load_mode::rtld_now | dll::load_mode::rtld_local);
    } catch (const std::exception& e) {
        throw Refusal{std::string("not a loadable library: ") + e.what()};
    }
    if (!library->has(bss::sdk::kAbiInfoExport))
        throw Refusal{std::string("no '") + bss::sdk::kAbiInfoExport + "' export"};
    if (!library->has(bss::sdk::kCreateExport))
        throw Refusal{std::string("no '") + bss::sdk::kCreateExport + "' export"};

    const auto abiInfo =
        dll::import_alias<const bss::sdk::AbiInfo*()>(*library, bss::sdk::kAbiInfoExport);
    const bss::sdk::AbiInfo* info = abiInfo();
    // The host's own checks first: a manifest that agrees with an incompatible library is refused
    // for the incompatibility, which is what its packager must fix.
    checkAbi(info);
    if (info->structSize >= offsetof(bss::sdk::AbiInfo, toolVersion) + sizeof(const char*))
        checkManifestAgainstLibrary(manifest, *info);

    const auto create = dll::import_alias<bss::sdk::Tool*()>(*library, bss::sdk::kCreateExport);
    bss::sdk::Tool* raw = create();
    if (!raw)
        throw Refusal{std::string(bss::sdk::kCreateExport) + " returned null"};
    LoadedTool loaded;
    // Boost.DLL tutorial 8: the deleter owns the library, so delete (plugin code) runs first.
    loaded.tool = std::shared_ptr<bss::sdk::Tool>(
        raw, [library](bss::sdk::Tool* tool) mutable { delete tool; });
    try {
        loaded.descriptor = loaded.tool->descriptor();
    } catch (const std::exception& e) {
        throw Refusal{std::string("descriptor() threw: ") + e.what()};
    }
    if (loaded.descriptor.id != orEmpty(info->toolId))
        throw Refusal{"descriptor id '" + loaded.descriptor.id + "' differs from AbiInfo id '" +
                      orEmpty(info->toolId) + "'"};
    checkManifestAgainstDescriptor(manifest, loaded.descriptor);
    loaded.manifest = manifest.file;
    loaded.abiMajor = info->abiMajor;
    loaded.abiMinor = info->abiMinor;
    // Tool::streamedActions() is in the vtable of tools built against ABI 1.1 and later only.
    if (loaded.abiMinor >= 1) {
        try {
            loaded.streamedActions = loaded.tool->streamedActions();
        } catch (const std::exception& e) {
            throw Refusal{std::string("streamedActions() threw: ") + e.what()};
        }
    }
    loaded.file = name;
    return loaded;
}

} // namespace

LoadResult PluginLoader::loadDirectory(const std::string& directory) {
    // glibc may keep a library mapped after dlclose, so a second load would see stale statics.
    static std::atomic<bool> loaded{false};
    if (loaded.exchange(true))
        throw std::logic_error("tool libraries are loaded once per process");
    LoadResult result;
    if (!Poco::File(directory).exists() || !Poco::File(directory).isDirectory()) {
        _logger.warning("plugin folder '" + directory + "' does not exist; no tools loaded");
        return result;
    }
    const uid_t hostUser = ::geteuid();
    const auto refuse = [&](const std::string& name, const std::string& reason) {
        _logger.error("refused plugin file '" + name + "': " + reason);
        result.refused.push_back({name, reason});
    };
    if (const auto refusal = folderRefusal(pluginFolderFacts(directory), hostUser)) {
        _logger.error("plugin folder '" + directory + "' refused: " + *refusal +
                      "; no tools loaded");
        result.refused.push_back({directory, *refusal});
        return result;
    }
    // Every entry but subfolders, links included (Poco's isFile() would follow them), each with
    // what lstat says of it.
    std::vector<std::pair<std::string, std::string>> files;
    std::map<std::string, PluginFileFacts> facts;
    for (Poco::DirectoryIterator it(directory), end; it != end; ++it) {
        PluginFileFacts entry;
        try {
            entry = pluginFileFacts(it.path().toString());
        } catch (const std::runtime_error& e) {
            refuse(it.name(), e.what());
            continue;
        }
        if (entry.directory)
            continue;
        files.emplace_back(it.name(), it.path().toString());
        facts.emplace(it.name(), entry);
    }
    std::sort(files.begin(), files.end());

    const std::map<std::string, std::string> byName(files.begin(), files.end());
    // Manifests first: they decide which libraries may be opened at all.
    std::map<std::string, PluginManifest> manifestFor; // library file name -> its manifest
    std::map<std::string, std::string> barred;         // library -> its refused manifest
    for (const auto& [name, path] : files) {
        if (!isManifestName(name))
            continue;
        try {
            if (const auto refusal = manifestRefusal(facts.at(name), hostUser))
                throw Refusal{*refusal};
            PluginManifest manifest;
            try {
                manifest = PluginManifest::read(path, name);
            } catch (const std::invalid_argument& e) {
                throw Refusal{e.what()};
            }
            const auto library = byName.find(manifest.library);
            if (library == byName.end() || isManifestName(manifest.library))
                throw Refusal{"manifest " + name + " names library '" + manifest.library +
                              "', which is not in the plugin folder"};
            if (manifestFor.count(manifest.library) || barred.count(manifest.library)) {
                barred.emplace(manifest.library, name);
                throw Refusal{"library '" + manifest.library +
                              "' is named by more than one manifest"};
            }
            try {
                checkManifestAgainstHost(manifest);
            } catch (const Refusal&) {
                barred.emplace(manifest.library, name);
                throw;
            }
            manifestFor.emplace(manifest.library, std::move(manifest));
        } catch (const Refusal& refusal) {
            refuse(name, refusal.reason);
        }
    }
    for (const auto& [library, manifestFile] : barred) {
        manifestFor.erase(library);
        refuse(library, "not loaded: its manifest " + manifestFile + " was refused");
    }

    std::set<std::string> ids;
    for (const auto& [name, path] : files) {
        if (isManifestName(name) || barred.count(name))
            continue;
        try {
            if (const auto refusal = libraryRefusal(name, facts.at(name), hostUser))
                throw Refusal{*refusal};
            const auto found = manifestFor.find(name);
            if (found == manifestFor.end())
                throw Refusal{"no manifest in the folder names it; a tool library is opened only "
                              "with its manifest (<tool>.json beside it)"};
            LoadedTool loaded = loadFile(path, name, found->second);
            if (!ids.insert(loaded.descriptor.id).second)
                throw Refusal{"tool id '" + loaded.descriptor.id + "' is already loaded"};
            _logger.info(
                "loaded tool '" + loaded.descriptor.id + "' (" + loaded.descriptor.displayName +
                ") version " + loaded.descriptor.version + ", ABI " +
                abiText(loaded.abiMajor, loaded.abiMinor) + ", from " + name +
                (loaded.manifest.empty() ? ", no manifest" : ", manifest " + loaded.manifest));
            result.tools.push_back(std::move(loaded));
        } catch (const Refusal& refusal) {
            refuse(name, refusal.reason);
        }
    }
    return result;
}

} // namespace mockhost
