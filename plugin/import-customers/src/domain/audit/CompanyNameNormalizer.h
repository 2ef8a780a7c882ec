#pragma once
/// The normalised company name that relates a tenant to a BSS account by name ([B7]).

#include <string>

namespace ict::domain {

/// The rule, in order:
///  1. ASCII letters are lower-cased; ASCII digits kept.
///  2. '.', '\'' and U+2019 (right single quote) are removed without a gap, so "S.A." is "sa",
///     "Inc." is "inc" and "O'Brien" is "obrien" (but "S. A." stays two words "s a").
///  3. '&' counts as the word "and".
///  4. Any other ASCII character (punctuation, whitespace, controls) and the unicode spaces
///     U+00A0, U+2000-U+200A, U+202F, U+205F, U+3000 separate words.
///  5. Every other byte >= 0x80 is kept as is: unicode letters are compared byte-wise, with no
///     case folding or normalisation form.
///  6. Words are joined by one space; then legal-form suffixes at the end are dropped, one after
///     another, as long as one word remains: inc incorporated corp corporation co company ltd
///     limited llc llp lp plc gmbh mbh ag kg sa sas sarl srl spa bv nv ab as aps oy pty pte ae
///     epe ike oe; a trailing "and" left by "& Co." goes with them.
/// "Contoso, Ltd." and "CONTOSO LTD" both give "contoso"; "Smith & Sons GmbH & Co. KG" gives
/// "smith and sons". An empty or all-punctuation name gives "" (which never matches).
std::string normalizeCompanyName(const std::string& name);

} // namespace ict::domain
