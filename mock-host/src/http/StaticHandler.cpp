#include "http/Handlers.h"

#include <Poco/File.h>
#include <Poco/Path.h>

using bss::sdk::ErrorCode;
using bss::sdk::ToolError;

namespace mockhost {
namespace {

std::string mediaType(const std::string& extension) {
    if (extension == "html")
        return "text/html; charset=utf-8";
    if (extension == "js")
        return "text/javascript; charset=utf-8";
    if (extension == "css")
        return "text/css; charset=utf-8";
    if (extension == "json")
        return "application/json";
    if (extension == "svg")
        return "image/svg+xml";
    if (extension == "png")
        return "image/png";
    return "application/octet-stream";
}

} // namespace

void handleStaticFile(HttpExchange& exchange) {
    const std::string& root = exchange.services().webRoot;
    if (root.empty() || !Poco::File(root).exists())
        throw ToolError(ErrorCode::NotFound, "No web pages are installed.");
    Poco::Path path(root);
    path.makeDirectory();
    for (const std::string& segment : exchange.segments()) {
        // Segments come from a split on '/', so only ".." could climb out of the web root; no
        // dotfile (.git, .env) is a page. A link is never followed out of (or within) the root:
        // what the host serves is what its folder holds.
        if (segment.empty() || segment.front() == '.')
            throw ToolError(ErrorCode::NotFound, "No such page.");
        path.pushDirectory(segment);
        const std::string here = path.toString().substr(0, path.toString().size() - 1);
        if (Poco::File(here).exists() && Poco::File(here).isLink())
            throw ToolError(ErrorCode::NotFound, "No such page.");
    }
    Poco::Path file = path;
    if (exchange.segments().empty())
        file.setFileName("index.html");
    else
        file = Poco::Path(path.toString().substr(0, path.toString().size() - 1));
    Poco::File f(file);
    if (f.exists() && f.isDirectory())
        file = Poco::Path(file.toString() + "/index.html");
    if (!Poco::File(file).exists() || !Poco::File(file).isFile())
        throw ToolError(ErrorCode::NotFound, "No such page.");
    exchange.response().sendFile(file.toString(), mediaType(file.getExtension()));
}

} // namespace mockhost
