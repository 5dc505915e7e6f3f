// A small streaming JSON writer for the engine's output. Building an nlohmann::json tree for every
// answer cost most of an assess call; this writes the text directly. Numbers are printed in fixed
// notation from integer arithmetic, so the text is the same on every platform.
#ifndef SYMCHECK_IO_JSON_WRITER_H_
#define SYMCHECK_IO_JSON_WRITER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace symcheck {

class JsonWriter {
 public:
  JsonWriter();
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  JsonWriter& Int(long long value);
  /// `value` rounded to `decimals` places (at most 9), trailing zeros dropped: 0.25, -1.5, 3.
  JsonWriter& Fixed(double value, int decimals);
  JsonWriter& StringArray(const std::vector<std::string>& values);
  /// An already serialized JSON value, written as it is (the batch mode embeds a call's output).
  JsonWriter& Raw(std::string_view json);

  /// The text written so far, plus a final newline.
  std::string Finish();

 private:
  void Separate();
  void Put(char ch);
  void Put(const char* text, std::size_t size);
  void Put(std::string_view text) { Put(text.data(), text.size()); }
  void Grow(std::size_t more);

  // The text so far: the first size_ of capacity_ characters of buffer_. Writing through a
  // pointer, rather than one std::string call per character, keeps the WebAssembly build's writer
  // close to native speed (its libc++ string functions are compiled for size and never inlined).
  std::unique_ptr<char[]> buffer_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
  std::vector<unsigned char> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

}  // namespace symcheck

#endif  // SYMCHECK_IO_JSON_WRITER_H_
