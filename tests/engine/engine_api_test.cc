#include <gtest/gtest.h>

#include "api/engine.h"
#include "test_util.h"

namespace symcheck {
namespace {

class EngineApiTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(engine_.Load(testing::TinyDocuments()).ok); }
  Engine engine_;
};

TEST_F(EngineApiTest, AssessPrintsTheFormatContract) {
  const Response r =
      engine_.Assess(R"({"age": 30, "sex": "female", "present": ["f.x"], "absent": ["f.y"]})");
  ASSERT_TRUE(r.ok) << r.error;
  const auto out = nlohmann::json::parse(r.json);
  EXPECT_EQ(out["triage"], "routine");
  EXPECT_EQ(out["red_flags"], nlohmann::json::array());
  ASSERT_EQ(out["differential"].size(), 3u);
  EXPECT_EQ(out["differential"][0]["condition"], "cond_a");
  EXPECT_EQ(out["differential"][0]["probability"], 0.920127796);  // 2.88 / 3.13, 9 decimals
}

TEST_F(EngineApiTest, OutputIsDeterministic) {
  const std::string input =
      R"({"age": 77, "sex": "male", "present": ["f.z", "red.worse"], "absent": []})";
  EXPECT_EQ(engine_.Assess(input).json, engine_.Assess(input).json);
}

struct BadCase {
  const char* name;
  const char* input;
  const char* code;
  const char* message;
};

class EngineBadInputTest : public EngineApiTest, public ::testing::WithParamInterface<BadCase> {};

TEST_P(EngineBadInputTest, IsAnErrorValueWithAClearMessage) {
  const Response r = engine_.Assess(GetParam().input);
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_code, GetParam().code);
  EXPECT_EQ(r.error, GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, EngineBadInputTest,
    ::testing::Values(
        BadCase{"Empty", "", "invalid_json", "case: empty input, expected a JSON object"},
        BadCase{
            "Truncated", "{\"age\": 3", "invalid_json",
            "case: not valid JSON: parse error at line 1, column 10: syntax error while parsing "
            "object - unexpected end of input; expected '}'"},
        BadCase{"NotAnObject", "[]", "invalid_case",
                "case: (top level): expected an object, found array"},
        BadCase{"MissingAge", R"({"sex": "female", "present": []})", "invalid_case",
                "case: (top level): missing required key \"age\""},
        BadCase{"AgeAsString", R"({"age": "30", "sex": "female", "present": []})", "invalid_case",
                "case: /age: expected a number, found string"},
        BadCase{"FractionalAge", R"({"age": 30.5, "sex": "female", "present": []})", "invalid_case",
                "case: /age: 30.5 is not a whole number"},
        BadCase{"AgeOutOfRange", R"({"age": 9, "sex": "female", "present": []})", "invalid_case",
                "case: /age: age 9 is outside 12 to 110"},
        BadCase{"UnknownSex", R"({"age": 30, "sex": "other", "present": []})", "invalid_case",
                "case: /sex: sex must be \"female\" or \"male\""},
        BadCase{"PresentNotAList", R"({"age": 30, "sex": "male", "present": "f.x"})",
                "invalid_case", "case: /present: expected an array, found string"},
        BadCase{"FindingNotAString", R"({"age": 30, "sex": "male", "present": [3]})",
                "invalid_case", "case: /present/0: expected a string, found number"},
        BadCase{"UnknownFinding", R"({"age": 30, "sex": "male", "present": ["f.nope"]})",
                "unknown_finding", "case: /present/0: unknown finding id \"f.nope\""},
        BadCase{"NumberOutOfRange", R"({"age": 1e999, "sex": "male", "present": []})",
                "invalid_json", "case: not valid JSON: number overflow parsing '1e999'"},
        BadCase{"PresentAndAbsent",
                R"({"age": 30, "sex": "male", "present": ["f.x"], "absent": ["f.y", "f.x"]})",
                "contradictory_answers",
                "case: /absent/1: finding \"f.x\" is also listed in \"present\""}),
    [](const ::testing::TestParamInfo<BadCase>& info) { return std::string(info.param.name); });

TEST_F(EngineApiTest, BadOptionsAreAnErrorValue) {
  const Response r = engine_.Interview(R"({"age": 30, "sex": "male", "present": []})",
                                       R"({"audience": "doctor"})");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "options: /audience: audience must be patient or clinician");
}

TEST_F(EngineApiTest, FailedLoadKeepsThePreviousKnowledgeBase) {
  const Response bad = engine_.LoadJson(R"([{"name": "x.json", "text": "{"}])");
  EXPECT_FALSE(bad.ok);
  EXPECT_TRUE(engine_.Assess(R"({"age": 30, "sex": "male", "present": []})").ok);
}

TEST(EngineWithoutKnowledgeBaseTest, SaysSo) {
  const Engine engine;
  const Response r = engine.Assess("{}");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_code, "not_loaded");
}

TEST_F(EngineApiTest, InterviewAddsAskedAndStopReason) {
  const Response r = engine_.Interview(
      R"({"age": 30, "sex": "female", "present": ["pain.region", "red.flag"], "absent": []})");
  ASSERT_TRUE(r.ok) << r.error;
  const auto out = nlohmann::json::parse(r.json);
  EXPECT_EQ(out["asked"], nlohmann::json::array({"red.flag"}));
  EXPECT_EQ(out["stop_reason"], "emergency");
  EXPECT_EQ(out["triage"], "emergency");
}

TEST_F(EngineApiTest, NextGivesAQuestionAndTheAssessmentSoFar) {
  const Response r = engine_.Next(R"({"age": 30, "sex": "female", "present": ["pain.region"]})");
  ASSERT_TRUE(r.ok) << r.error;
  const auto out = nlohmann::json::parse(r.json);
  EXPECT_EQ(out["question"], "red.flag");  // chosen on value: the screen is not yet due
  EXPECT_FALSE(out["screening"].get<bool>());
  EXPECT_EQ(out["assessment"]["differential"].size(), 3u);
}

}  // namespace
}  // namespace symcheck
