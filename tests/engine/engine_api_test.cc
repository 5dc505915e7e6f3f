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

TEST_F(EngineApiTest, InterviewAddsAskedScreensAndStopReason) {
  const Response r = engine_.Interview(
      R"({"age": 30, "sex": "female", "present": ["pain.region", "red.flag"], "absent": []})");
  ASSERT_TRUE(r.ok) << r.error;
  const auto out = nlohmann::json::parse(r.json);
  EXPECT_EQ(out["asked"], nlohmann::json::array({"red.flag"}));
  EXPECT_EQ(out["screens"], nlohmann::json::parse(R"([["red.flag"]])"));
  EXPECT_EQ(out["stop_reason"], "emergency");
  EXPECT_EQ(out["triage"], "emergency");
  // The ranked causes come with the emergency.
  EXPECT_EQ(out["differential"].size(), 3u);
  EXPECT_EQ(out["unanswered_safety_checks"], nlohmann::json::array());
}

TEST_F(EngineApiTest, InterviewScreensListEachScreensFindingsInOrder) {
  const Response r = engine_.Interview(
      R"({"age": 30, "sex": "female", "present": ["pain.region", "f.z", "red.worse"],
          "absent": ["red.flag"]})",
      R"({"max_screens": 3})");
  ASSERT_TRUE(r.ok) << r.error;
  const auto out = nlohmann::json::parse(r.json);
  ASSERT_GE(out["screens"].size(), 2u);
  EXPECT_LE(out["screens"].size(), 3u);
  EXPECT_EQ(out["screens"][0], nlohmann::json::array({"red.flag"}));
  nlohmann::json asked = nlohmann::json::array();
  for (const auto& screen : out["screens"]) {
    for (const auto& id : screen) asked.push_back(id);
  }
  EXPECT_EQ(out["asked"], asked);
  // max_questions is the old name of max_screens.
  const Response old = engine_.Interview(
      R"({"age": 30, "sex": "female", "present": ["pain.region"], "absent": ["red.flag"]})",
      R"({"max_questions": 1})");
  ASSERT_TRUE(old.ok) << old.error;
  const auto capped = nlohmann::json::parse(old.json);
  EXPECT_EQ(capped["screens"].size(), 1u);
  EXPECT_EQ(capped["stop_reason"], "screen_limit");
}

TEST_F(EngineApiTest, NextGivesTheOpeningScreenAndTheAssessmentSoFar) {
  const Response r = engine_.Next(R"({"age": 30, "sex": "female", "present": ["pain.region"]})");
  ASSERT_TRUE(r.ok) << r.error;
  const auto out = nlohmann::json::parse(r.json);
  EXPECT_EQ(out["screen"], nlohmann::json::parse(
                               R"({"id": "opening", "kind": "opening", "items": ["red.flag"]})"));
  EXPECT_TRUE(out["stop_reason"].is_null());
  EXPECT_EQ(out["number"], 1);
  EXPECT_GE(out["estimate"].get<int>(), 1);
  EXPECT_EQ(out["assessment"]["differential"].size(), 3u);
  EXPECT_EQ(out["assessment"]["unanswered_safety_checks"], nlohmann::json::array({"red.flag"}));
  EXPECT_FALSE(out.contains("question"));
}

TEST_F(EngineApiTest, NextCountsTheScreensShownAndGivesFollowUps) {
  const Response r = engine_.Next(
      R"({"age": 30, "sex": "female", "present": ["pain.region", "f.z"], "absent": ["red.flag"],
          "screens": [["red.flag"], ["f.z"]]})");
  ASSERT_TRUE(r.ok) << r.error;
  const auto out = nlohmann::json::parse(r.json);
  EXPECT_EQ(
      out["screen"],
      nlohmann::json::parse(R"({"id": "follow_up", "kind": "follow_up", "items": ["red.worse"]})"));
  EXPECT_EQ(out["number"], 3);
  EXPECT_GE(out["estimate"].get<int>(), 3);
}

TEST_F(EngineApiTest, NextStopsWithNullScreenAndAReason) {
  const Response emergency = engine_.Next(
      R"({"age": 30, "sex": "female", "present": ["pain.region", "red.flag"],
          "screens": [["red.flag"]]})");
  ASSERT_TRUE(emergency.ok) << emergency.error;
  const auto out = nlohmann::json::parse(emergency.json);
  EXPECT_TRUE(out["screen"].is_null());
  EXPECT_EQ(out["stop_reason"], "emergency");
  EXPECT_FALSE(out.contains("number"));
  EXPECT_EQ(out["assessment"]["triage"], "emergency");
  EXPECT_EQ(out["assessment"]["differential"].size(), 3u);
  // The screens already shown count against max_screens.
  const Response limit = engine_.Next(
      R"({"age": 30, "sex": "female", "present": ["pain.region"], "absent": ["red.flag"],
          "screens": [["red.flag"], ["f.x", "f.y"]], "dont_know": ["f.x", "f.y"]})",
      R"({"max_screens": 2})");
  ASSERT_TRUE(limit.ok) << limit.error;
  EXPECT_EQ(nlohmann::json::parse(limit.json)["stop_reason"], "screen_limit");
}

TEST_F(EngineApiTest, NextRejectsAnUnknownFindingInTheScreens) {
  const Response r = engine_.Next(
      R"({"age": 30, "sex": "female", "present": [], "screens": [["red.flag"], ["f.nope"]]})");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error, "case: /screens/1/0: unknown finding id \"f.nope\"");
}

TEST_F(EngineApiTest, StrategyIsNoLongerAnOption) {
  const Response r =
      engine_.Interview(R"({"age": 30, "sex": "male", "present": []})", R"({"strategy": "fixed"})");
  EXPECT_FALSE(r.ok);
  EXPECT_EQ(r.error_code, "invalid_options");
}

}  // namespace
}  // namespace symcheck
