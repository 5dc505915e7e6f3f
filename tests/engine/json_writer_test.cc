// The JSON writer's strings against nlohmann's: the writer scans eight bytes at a time for bytes
// that need escaping, so every such byte is tried at every position of a word and across word
// boundaries, beside UTF-8 that must pass through untouched.
#include "io/json_writer.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace symcheck {
namespace {

std::string Written(const std::string& value) {
  JsonWriter w;
  w.String(value);
  std::string text = w.Finish();
  text.pop_back();  // Finish ends the document with a newline
  return text;
}

// nlohmann escapes control characters as \u00xx with lower-case hex, \b and \f by name; the
// writer names only \n, \r and \t. Both are JSON; this reads the writer's text back instead.
std::string ReadBack(const std::string& json) {
  return nlohmann::json::parse(json).get<std::string>();
}

TEST(JsonWriterTest, EveryEscapedByteAtEveryPositionReadsBackExactly) {
  const std::string escaped = std::string("\"\\\n\r\t") + '\x01' + '\x1f' + '\0';
  for (char special : escaped) {
    for (std::size_t at = 0; at < 20; ++at) {
      std::string value(20, 'a');
      value[at] = special;
      const std::string json = Written(value);
      EXPECT_EQ(ReadBack(json), value) << "byte " << int(special) << " at " << at;
      EXPECT_EQ(json.find('\n'), std::string::npos);
    }
  }
}

TEST(JsonWriterTest, TextWithNothingToEscapeIsCopiedAsItIs) {
  // Bytes 0x20 and up except the quote and the backslash, UTF-8 (é, ñ, €) and DEL included.
  const std::string value = "Dolor en el glúteo: año, 12 € — ok\x7f ~ {}[]/" + std::string(33, 'x');
  EXPECT_EQ(Written(value), "\"" + value + "\"");
}

TEST(JsonWriterTest, ControlCharactersAreEscapedByName) {
  EXPECT_EQ(Written(std::string("a\nb\x01") + "c\"d\\e"), "\"a\\nb\\u0001c\\\"d\\\\e\"");
}

}  // namespace
}  // namespace symcheck
