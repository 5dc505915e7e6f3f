// The common case read without building a JSON tree: a case or interview state whose text is
// plain (ids without escapes, numbers without exponents). ParseCase tries it first and reads the
// text the full way whenever it declines, so every error and every unusual input is still read,
// and reported, by the one full reader (case_json.cc); for what it accepts, it gives what the full
// reader gives. io-internal: only case_json.cc includes it.
#ifndef SYMCHECK_IO_CASE_READER_H_
#define SYMCHECK_IO_CASE_READER_H_

#include <string_view>

#include "core/knowledge_base.h"
#include "io/case_json.h"

namespace symcheck {

/// Reads `text` into `out` and returns true when it is a well-formed case this reader can vouch
/// for; returns false (and `out` is to be discarded) for anything else, valid or not.
bool ReadPlainCase(const KnowledgeBase& kb, std::string_view text, ParsedCase& out);

}  // namespace symcheck

#endif  // SYMCHECK_IO_CASE_READER_H_
