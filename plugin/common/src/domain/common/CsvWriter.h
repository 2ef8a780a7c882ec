#pragma once
/// RFC 4180 CSV text from rows of cells, safe to open in a spreadsheet ([B8]). Pure.

#include <string>
#include <vector>

namespace ict::domain {

/// One cell. A cell starting with '=', '+', '-', '@', a tab or a carriage return gets a leading
/// apostrophe so spreadsheets do not run it as a formula (OWASP "CSV injection"); then a cell
/// holding a comma, a double quote, CR or LF is wrapped in double quotes with its quotes doubled.
/// Bytes are passed through as is (UTF-8 in, UTF-8 out).
std::string csvCell(const std::string& value);

/// The rows as CSV: cells joined by ',', every record (the last included) ended by CRLF. No rows
/// gives "". Rows may differ in length; nothing is padded.
std::string writeCsv(const std::vector<std::vector<std::string>>& rows);

/// One record of writeCsv(), CRLF included: a streamed export writes a record at a time.
std::string csvRecord(const std::vector<std::string>& row);

} // namespace ict::domain
