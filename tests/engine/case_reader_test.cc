// The plain case reader (io/case_reader) against the full one: what it accepts it reads exactly as
// ParseCase's JSON-tree reader does, and it declines (leaving the full reader to read or report)
// whatever it cannot vouch for.
#include "io/case_reader.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "io/json_reader.h"
#include "io/request_values.h"
#include "test_util.h"

namespace symcheck {
namespace {

ParsedCase FullRead(const KnowledgeBase& kb, const std::string& text) {
  const nlohmann::json doc = ParseJsonText(text, "case", "invalid_json");
  return ReadCase(kb, JsonNode(doc, "case", "", "", "invalid_case"));
}

class CaseReaderTest : public ::testing::Test {
 protected:
  KnowledgeBase kb_ = testing::LoadTiny();
};

TEST_F(CaseReaderTest, AcceptsPlainCasesAndReadsThemAsTheFullReaderDoes) {
  for (const char* text : {
           R"({"age": 30, "sex": "female", "present": ["f.x"], "absent": ["f.y"]})",
           R"({"present": [], "sex": "male", "age": 110})",
           " {\"id\": \"c-1\", \"narrative\": \"caf\xc3\xa9 \\\"quoted\\\" \\n\", \"age\": 12,\n"
           "  \"expected\": {\"condition\": null, \"also\": [1, -2.5, 0, true, false, {}], \"x\": "
           "[]},"
           "  \"sex\": \"female\", \"present\": [\"f.z\", \"f.z\"], \"absent\": [\"f.y\", \"f.y\"],"
           "  \"dont_know\": [\"f.x\"], \"screens\": [[\"f.x\", \"f.z\"], []]}\r\n",
       }) {
    SCOPED_TRACE(text);
    ParsedCase plain;
    ASSERT_TRUE(ReadPlainCase(kb_, text, plain));
    const ParsedCase full = FullRead(kb_, text);
    EXPECT_EQ(plain.answers.age, full.answers.age);
    EXPECT_EQ(plain.answers.sex, full.answers.sex);
    EXPECT_EQ(plain.answers.answers, full.answers.answers);
    EXPECT_EQ(plain.answers.dont_know, full.answers.dont_know);
    EXPECT_EQ(plain.screens, full.screens);
  }
}

TEST_F(CaseReaderTest, DeclinesWhatItCannotVouchFor) {
  for (const char* text : {
           "",                                                  // empty
           R"([])",                                             // not an object
           R"({"age": 30, "sex": "female"})",                   // present missing
           R"({"age": 30.0, "sex": "female", "present": []})",  // 30.0: left to the full reader
           R"({"age": 3e1, "sex": "female", "present": []})",   // exponent
           R"({"age": 11, "sex": "female", "present": []})",    // out of range
           R"({"age": 030, "sex": "female", "present": []})",   // not JSON
           R"({"age": 30, "age": 31, "sex": "female", "present": []})",  // repeated key
           R"({"age": 30, "sex": "Female", "present": []})",             // unknown sex
           R"({"age": 30, "sex": "female", "present": ["f.nope"]})",     // unknown finding
           R"({"age": 30, "sex": "female", "present": [""]})",           // empty id
           R"({"age": 30, "sex": "female", "present": ["f\u002ex"]})",   // \u escape
           R"({"age": 30, "sex": "female", "present": ["f.x"], "absent": ["f.x"]})",
           R"({"age": 30, "sex": "female", "present": ["f.x"], "dont_know": ["f.x"]})",
           R"({"age": 30, "sex": "female", "present": [], "absent": null})",
           R"({"age": 30, "sex": "female", "present": [], "n": 1e999})",            // overflow
           R"({"age": 30, "sex": "female", "present": [], "n": [1,]})",             // not JSON
           R"({"age": 30, "sex": "female", "present": []} x)",                      // trailing text
           "{\"age\": 30, \"sex\": \"female\", \"present\": [], \"n\": \"\xc3\"}",  // bad UTF-8
           "{\"age\": 30, \"sex\": \"female\", \"present\": [], \"n\": \"\xed\xa0\x80\"}",
           "{\"age\": 30, \"sex\": \"female\", \"present\": [], \"n\": \"a\tb\"}",  // raw tab
       }) {
    SCOPED_TRACE(text);
    ParsedCase plain;
    EXPECT_FALSE(ReadPlainCase(kb_, text, plain));
  }
  // Nesting deeper than the full reader allows is left to it to report.
  std::string deep = R"({"age": 30, "sex": "female", "present": [], "n": )";
  deep += std::string(64, '[') + std::string(64, ']') + "}";
  ParsedCase plain;
  EXPECT_FALSE(ReadPlainCase(kb_, deep, plain));
  deep = R"({"age": 30, "sex": "female", "present": [], "n": )" + std::string(63, '[') +
         std::string(63, ']') + "}";
  EXPECT_TRUE(ReadPlainCase(kb_, deep, plain));
}

}  // namespace
}  // namespace symcheck
