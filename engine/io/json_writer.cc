#include "io/json_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace symcheck {
namespace {

// The bytes a JSON string must escape: control characters, the quote and the backslash. One table
// load per byte rather than three comparisons.
struct EscapeTable {
  bool needs[256] = {};
  constexpr EscapeTable() {
    for (int i = 0; i < 0x20; ++i) needs[i] = true;
    needs[static_cast<unsigned char>('"')] = true;
    needs[static_cast<unsigned char>('\\')] = true;
  }
  constexpr bool operator[](unsigned char byte) const { return needs[byte]; }
};
constexpr EscapeTable kEscaped;

// Whether any of the eight bytes of `word` needs escaping (a control character, '"' or '\\'):
// the bit tricks of "Bit Twiddling Hacks" (hasless, haszero). A borrow can only set a high bit
// above a byte that really matches, so the answer for the word is exact. Most text has nothing to
// escape, and a word at a time is what keeps the WebAssembly writer near native speed.
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
constexpr std::uint64_t HasZeroByte(std::uint64_t v) { return (v - kOnes) & ~v & kHighBits; }
constexpr bool AnyEscaped(std::uint64_t word) {
  return ((word - kOnes * 0x20) & ~word & kHighBits) != 0 ||
         HasZeroByte(word ^ (kOnes * '"')) != 0 || HasZeroByte(word ^ (kOnes * '\\')) != 0;
}

}  // namespace

void JsonWriter::Grow(std::size_t more) {
  const std::size_t capacity = std::max(capacity_ * 2, size_ + more);
  std::unique_ptr<char[]> bigger(new char[capacity]);
  if (size_ > 0) std::memcpy(bigger.get(), buffer_.get(), size_);
  buffer_ = std::move(bigger);
  capacity_ = capacity;
}

inline void JsonWriter::Put(char ch) {
  if (size_ == capacity_) Grow(1);
  buffer_[size_++] = ch;
}

inline void JsonWriter::Put(const char* text, std::size_t size) {
  if (capacity_ - size_ < size) Grow(size);
  if (size > 0) std::memcpy(buffer_.get() + size_, text, size);
  size_ += size;
}

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) Put(',');
    first_.back() = 0;
  }
}

JsonWriter::JsonWriter() : buffer_(new char[16384]), capacity_(16384) {}

JsonWriter& JsonWriter::BeginObject() {
  Separate();
  Put('{');
  first_.push_back(1);
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  Put('}');
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  Separate();
  Put('[');
  first_.push_back(1);
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  Put(']');
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  String(key);
  Put(':');
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  if (!after_key_) Separate();
  after_key_ = false;
  static constexpr char kHex[] = "0123456789abcdef";
  Put('"');
  std::size_t run = 0;  // start of the current run of characters that need no escaping
  for (std::size_t i = 0; i < value.size(); ++i) {
    while (value.size() - i >= 8) {  // eight bytes at a time while none needs escaping
      std::uint64_t word;
      std::memcpy(&word, value.data() + i, sizeof word);
      if (AnyEscaped(word)) break;
      i += 8;
    }
    if (i == value.size()) break;
    const auto byte = static_cast<unsigned char>(value[i]);
    if (!kEscaped[byte]) continue;  // UTF-8 passes through
    Put(value.data() + run, i - run);
    run = i + 1;
    switch (byte) {
      case '"':
        Put("\\\"");
        break;
      case '\\':
        Put("\\\\");
        break;
      case '\n':
        Put("\\n");
        break;
      case '\r':
        Put("\\r");
        break;
      case '\t':
        Put("\\t");
        break;
      default:
        Put("\\u00");
        Put(kHex[byte >> 4]);
        Put(kHex[byte & 0xF]);
    }
  }
  Put(value.data() + run, value.size() - run);
  Put('"');
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  Separate();
  Put(value ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::Null() {
  Separate();
  Put("null");
  return *this;
}

JsonWriter& JsonWriter::Int(long long value) {
  Separate();
  Put(std::to_string(value));
  return *this;
}

JsonWriter& JsonWriter::Fixed(double value, int decimals) {
  Separate();
  if (!std::isfinite(value)) {
    Put("null");
    return *this;
  }
  std::int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const double scaled = std::round(std::fabs(value) * static_cast<double>(scale));
  if (scaled > 9.0e15) {
    // Beyond exact integers (never reached by probabilities or log ratios, only by hostile values
    // quoted in error messages): scientific notation, mantissa to 6 decimals, computed with basic
    // arithmetic only so that both builds print the same text.
    int exponent = 0;
    double mantissa = std::fabs(value);
    while (mantissa >= 10.0) {
      mantissa /= 10.0;
      ++exponent;
    }
    Fixed(value < 0 ? -mantissa : mantissa, 6);
    Put('e');
    Put(std::to_string(exponent));
    return *this;
  }
  const auto units = static_cast<std::int64_t>(scaled);
  // Digits from the right: the fraction (without trailing zeros), the point, the whole part.
  char buffer[32];
  char* end = buffer + sizeof buffer;
  char* p = end;
  std::int64_t fraction = units % scale;
  int places = decimals;
  while (places > 0 && fraction % 10 == 0 && fraction != 0) {
    fraction /= 10;
    --places;
  }
  if (fraction != 0) {
    for (int i = 0; i < places; ++i) {
      *--p = static_cast<char>('0' + fraction % 10);
      fraction /= 10;
    }
    *--p = '.';
  }
  std::int64_t whole = units / scale;
  do {
    *--p = static_cast<char>('0' + whole % 10);
    whole /= 10;
  } while (whole != 0);
  if (value < 0 && units != 0) *--p = '-';
  Put(p, static_cast<std::size_t>(end - p));
  return *this;
}

JsonWriter& JsonWriter::StringArray(const std::vector<std::string>& values) {
  BeginArray();
  for (const std::string& v : values) String(v);
  return EndArray();
}

JsonWriter& JsonWriter::Raw(std::string_view json) {
  Separate();
  Put(json);
  return *this;
}

std::string JsonWriter::Finish() {
  Put('\n');
  std::string text(buffer_.get(), size_);
  size_ = 0;
  return text;
}

}  // namespace symcheck
