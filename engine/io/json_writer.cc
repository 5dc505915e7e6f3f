#include "io/json_writer.h"

#include <cmath>
#include <cstdint>

namespace symcheck {

void JsonWriter::Separate() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_ += ',';
    first_.back() = false;
  }
}

JsonWriter::JsonWriter() { out_.reserve(16384); }

JsonWriter& JsonWriter::BeginObject() {
  Separate();
  out_ += '{';
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::EndObject() {
  out_ += '}';
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::BeginArray() {
  Separate();
  out_ += '[';
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::EndArray() {
  out_ += ']';
  first_.pop_back();
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  String(key);
  out_ += ':';
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  if (!after_key_) Separate();
  after_key_ = false;
  static constexpr char kHex[] = "0123456789abcdef";
  out_ += '"';
  std::size_t run = 0;  // start of the current run of characters that need no escaping
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto byte = static_cast<unsigned char>(value[i]);
    if (byte >= 0x20 && byte != '"' && byte != '\\') continue;  // UTF-8 passes through
    out_.append(value.data() + run, i - run);
    run = i + 1;
    switch (byte) {
      case '"':
        out_ += "\\\"";
        break;
      case '\\':
        out_ += "\\\\";
        break;
      case '\n':
        out_ += "\\n";
        break;
      case '\r':
        out_ += "\\r";
        break;
      case '\t':
        out_ += "\\t";
        break;
      default:
        out_ += "\\u00";
        out_ += kHex[byte >> 4];
        out_ += kHex[byte & 0xF];
    }
  }
  out_.append(value.data() + run, value.size() - run);
  out_ += '"';
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  Separate();
  out_ += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::Null() {
  Separate();
  out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::Int(long long value) {
  Separate();
  out_ += std::to_string(value);
  return *this;
}

JsonWriter& JsonWriter::Fixed(double value, int decimals) {
  Separate();
  if (!std::isfinite(value)) {
    out_ += "null";
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
    out_ += 'e';
    out_ += std::to_string(exponent);
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
  out_.append(p, static_cast<std::size_t>(end - p));
  return *this;
}

JsonWriter& JsonWriter::StringArray(const std::vector<std::string>& values) {
  BeginArray();
  for (const std::string& v : values) String(v);
  return EndArray();
}

JsonWriter& JsonWriter::Raw(std::string_view json) {
  Separate();
  out_ += json;
  return *this;
}

std::string JsonWriter::Finish() {
  out_ += '\n';
  return std::move(out_);
}

}  // namespace symcheck
