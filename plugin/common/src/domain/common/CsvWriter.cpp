#include "domain/common/CsvWriter.h"

namespace ict::domain {

std::string csvCell(const std::string& value) {
    std::string cell = value;
    if (!cell.empty()) {
        const char first = cell.front();
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' ||
            first == '\r')
            cell.insert(cell.begin(), '\'');
    }
    if (cell.find_first_of(",\"\r\n") == std::string::npos)
        return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string csvRecord(const std::vector<std::string>& row) {
    std::string text;
    for (std::size_t i = 0; i < row.size(); ++i) {
        if (i)
            text += ',';
        text += csvCell(row[i]);
    }
    return text + "\r\n";
}

std::string writeCsv(const std::vector<std::vector<std::string>>& rows) {
    std::string text;
    for (const std::vector<std::string>& row : rows)
        text += csvRecord(row);
    return text;
}

} // namespace ict::domain
