#include "data/GeneratorOptions.h"

#include <Poco/Exception.h>
#include <Poco/String.h>

namespace mockhost::emulator {

SalesModel parseSalesModel(const std::string& text) {
    const std::string lower = Poco::toLower(text);
    if (lower == "direct")
        return SalesModel::Direct;
    if (lower == "indirect")
        return SalesModel::Indirect;
    if (lower == "both")
        return SalesModel::Both;
    throw Poco::InvalidArgumentException("model must be direct, indirect or both", text);
}

std::string toString(SalesModel model) {
    switch (model) {
    case SalesModel::Direct:
        return "direct";
    case SalesModel::Indirect:
        return "indirect";
    case SalesModel::Both:
        break;
    }
    return "both";
}

} // namespace mockhost::emulator
