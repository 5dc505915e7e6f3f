#include "io/case_reader.h"

#include <cstddef>
#include <string>
#include <vector>

namespace symcheck {
namespace {

// The full reader's nesting limit (json_reader.cc): deeper text is left to it to report.
constexpr int kMaxDepth = 64;
// Numbers longer than this are left to the full reader (it reports overflow for huge values).
constexpr std::ptrdiff_t kMaxNumberLength = 64;

// A cursor over JSON text that checks what it skips as strictly as the full parser (RFC 8259,
// UTF-8 as RFC 3629) and gives up (false) on what it does not handle: \u escapes, exponents.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  void SkipSpace() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }
  bool Eat(char ch) {
    SkipSpace();
    if (p_ < end_ && *p_ == ch) {
      ++p_;
      return true;
    }
    return false;
  }
  bool AtEnd() {
    SkipSpace();
    return p_ == end_;
  }

  // A string of printable ASCII without escapes, its contents in `out`.
  bool PlainString(std::string_view& out) {
    if (!Eat('"')) return false;
    const char* start = p_;
    for (; p_ < end_; ++p_) {
      const auto byte = static_cast<unsigned char>(*p_);
      if (byte == '"') {
        out = std::string_view(start, static_cast<std::size_t>(p_ - start));
        ++p_;
        return true;
      }
      if (byte < 0x20 || byte == '\\' || byte >= 0x80) return false;
    }
    return false;
  }

  // A positive whole number of at most three digits with nothing after it that would make it
  // another number (a fraction or an exponent).
  bool SmallWholeNumber(int& out) {
    SkipSpace();
    if (p_ == end_ || *p_ < '1' || *p_ > '9') return false;
    int value = 0;
    int digits = 0;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') {
      if (++digits > 3) return false;
      value = value * 10 + (*p_ - '0');
      ++p_;
    }
    if (p_ < end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) return false;
    out = value;
    return true;
  }

  bool SkipValue(int depth) {
    SkipSpace();
    if (p_ == end_) return false;
    switch (*p_) {
      case '"':
        return SkipString();
      case '{':
      case '[': {
        const char close = *p_ == '{' ? '}' : ']';
        const bool object = close == '}';
        ++p_;
        if (depth + 1 > kMaxDepth) return false;
        if (Eat(close)) return true;
        for (;;) {
          if (object) {
            SkipSpace();
            if (p_ == end_ || *p_ != '"' || !SkipString() || !Eat(':')) return false;
          }
          if (!SkipValue(depth + 1)) return false;
          if (Eat(',')) continue;
          return Eat(close);
        }
      }
      case 't':
        return Literal("true");
      case 'f':
        return Literal("false");
      case 'n':
        return Literal("null");
      default:
        return SkipNumber();
    }
  }

 private:
  bool Literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() ||
        std::string_view(p_, word.size()) != word) {
      return false;
    }
    p_ += word.size();
    return true;
  }

  static bool Continuation(unsigned char byte, unsigned char low = 0x80,
                           unsigned char high = 0xBF) {
    return byte >= low && byte <= high;
  }

  bool SkipString() {
    ++p_;  // the opening quote
    while (p_ < end_) {
      const auto byte = static_cast<unsigned char>(*p_);
      if (byte == '"') {
        ++p_;
        return true;
      }
      if (byte < 0x20) return false;
      if (byte == '\\') {
        if (end_ - p_ < 2) return false;
        const char escaped = p_[1];
        if (escaped != '"' && escaped != '\\' && escaped != '/' && escaped != 'b' &&
            escaped != 'f' && escaped != 'n' && escaped != 'r' && escaped != 't') {
          return false;  // \u (and its surrogate rules) left to the full parser
        }
        p_ += 2;
        continue;
      }
      if (byte < 0x80) {
        ++p_;
        continue;
      }
      // Well-formed UTF-8 (RFC 3629, table 3-7 of the Unicode standard).
      const std::ptrdiff_t left = end_ - p_;
      const auto at = [&](std::ptrdiff_t i) { return static_cast<unsigned char>(p_[i]); };
      std::ptrdiff_t length = 0;
      if (byte >= 0xC2 && byte <= 0xDF) {
        length = left >= 2 && Continuation(at(1)) ? 2 : 0;
      } else if (byte == 0xE0) {
        length = left >= 3 && Continuation(at(1), 0xA0, 0xBF) && Continuation(at(2)) ? 3 : 0;
      } else if ((byte >= 0xE1 && byte <= 0xEC) || byte == 0xEE || byte == 0xEF) {
        length = left >= 3 && Continuation(at(1)) && Continuation(at(2)) ? 3 : 0;
      } else if (byte == 0xED) {
        length = left >= 3 && Continuation(at(1), 0x80, 0x9F) && Continuation(at(2)) ? 3 : 0;
      } else if (byte == 0xF0) {
        length = left >= 4 && Continuation(at(1), 0x90, 0xBF) && Continuation(at(2)) &&
                         Continuation(at(3))
                     ? 4
                     : 0;
      } else if (byte >= 0xF1 && byte <= 0xF3) {
        length =
            left >= 4 && Continuation(at(1)) && Continuation(at(2)) && Continuation(at(3)) ? 4 : 0;
      } else if (byte == 0xF4) {
        length = left >= 4 && Continuation(at(1), 0x80, 0x8F) && Continuation(at(2)) &&
                         Continuation(at(3))
                     ? 4
                     : 0;
      }
      if (length == 0) return false;
      p_ += length;
    }
    return false;
  }

  // -?(0|[1-9][0-9]*)(.[0-9]+)?, short; exponents are left to the full parser.
  bool SkipNumber() {
    const char* start = p_;
    const auto digit = [&] { return p_ < end_ && *p_ >= '0' && *p_ <= '9'; };
    if (p_ < end_ && *p_ == '-') ++p_;
    if (!digit()) return false;
    if (*p_ == '0') {
      ++p_;
    } else {
      while (digit()) ++p_;
    }
    if (p_ < end_ && *p_ == '.') {
      ++p_;
      if (!digit()) return false;
      while (digit()) ++p_;
    }
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) return false;
    return p_ - start <= kMaxNumberLength;
  }

  const char* p_;
  const char* end_;
};

// A list of finding ids, as finding indices.
bool FindingList(Scanner& s, const KnowledgeBase& kb, std::string& id, std::vector<int>& out) {
  if (!s.Eat('[')) return false;
  if (s.Eat(']')) return true;
  for (;;) {
    std::string_view text;
    if (!s.PlainString(text) || text.empty()) return false;
    id.assign(text.data(), text.size());
    const int f = kb.FindingIndex(id);
    if (f < 0) return false;
    out.push_back(f);
    if (s.Eat(',')) continue;
    return s.Eat(']');
  }
}

}  // namespace

bool ReadPlainCase(const KnowledgeBase& kb, std::string_view text, ParsedCase& out) {
  Scanner s(text);
  if (!s.Eat('{')) return false;
  bool has_age = false;
  bool has_sex = false;
  bool has_present = false;
  bool has_absent = false;
  bool has_dont_know = false;
  bool has_screens = false;
  int age = 0;
  Sex sex = Sex::kFemale;
  std::vector<int> present;
  std::vector<int> absent;
  std::vector<int> dont_know;
  std::string id;
  const auto first_time = [](bool& seen) {  // a repeated key is left to the full reader
    if (seen) return false;
    seen = true;
    return true;
  };
  if (!s.Eat('}')) {
    for (;;) {
      std::string_view key;
      if (!s.PlainString(key) || !s.Eat(':')) return false;
      bool ok = true;
      if (key == "age") {
        ok = first_time(has_age) && s.SmallWholeNumber(age) && age >= kb.MinAge() &&
             age <= kb.MaxAge();
      } else if (key == "sex") {
        std::string_view value;
        ok = first_time(has_sex) && s.PlainString(value) && (value == "female" || value == "male");
        sex = value == "female" ? Sex::kFemale : Sex::kMale;
      } else if (key == "present") {
        ok = first_time(has_present) && FindingList(s, kb, id, present);
      } else if (key == "absent") {
        ok = first_time(has_absent) && FindingList(s, kb, id, absent);
      } else if (key == "dont_know") {
        ok = first_time(has_dont_know) && FindingList(s, kb, id, dont_know);
      } else if (key == "screens") {
        ok = first_time(has_screens) && s.Eat('[');
        if (ok && !s.Eat(']')) {
          for (;;) {
            std::vector<int> items;
            ok = FindingList(s, kb, id, items);
            if (!ok) break;
            out.screens.push_back(std::move(items));
            if (s.Eat(',')) continue;
            ok = s.Eat(']');
            break;
          }
        }
      } else {
        ok = s.SkipValue(1);
      }
      if (!ok) return false;
      if (s.Eat(',')) continue;
      if (s.Eat('}')) break;
      return false;
    }
  }
  if (!s.AtEnd() || !has_age || !has_sex || !has_present) return false;

  // The full reader's order: present, then absent, then don't know, each checked against the
  // lists before it.
  Case& c = out.answers;
  c.age = age;
  c.sex = sex;
  c.answers.assign(kb.findings.size(), Answer::kUnknown);
  c.dont_know.assign(kb.findings.size(), false);
  for (int f : present) c.answers[static_cast<std::size_t>(f)] = Answer::kPresent;
  for (int f : absent) {
    if (c.answers[static_cast<std::size_t>(f)] == Answer::kPresent) return false;
    c.answers[static_cast<std::size_t>(f)] = Answer::kAbsent;
  }
  for (int f : dont_know) {
    if (c.answers[static_cast<std::size_t>(f)] != Answer::kUnknown) return false;
    c.dont_know[static_cast<std::size_t>(f)] = true;
  }
  return true;
}

}  // namespace symcheck
