#include "core/interview.h"

#include <gtest/gtest.h>

#include <functional>

#include "test_util.h"

namespace symcheck {
namespace {

using testing::LoadTiny;
using testing::MakeCase;

class InterviewTest : public ::testing::Test {
 protected:
  KnowledgeBase kb_ = LoadTiny();
  InterviewOptions options_;
  int Id(const char* finding) const { return kb_.FindingIndex(finding); }
};

TEST_F(InterviewTest, InitialEvidenceKeepsMarkedRegionsAndTheSideTheyImply) {
  const Case full =
      MakeCase(kb_, 30, Sex::kFemale, {"pain.region", "side.one_side", "f.x"}, {"f.y"});
  const Case start = InitialEvidence(kb_, full);
  EXPECT_EQ(start.answers[static_cast<std::size_t>(Id("pain.region"))], Answer::kPresent);
  EXPECT_EQ(start.answers[static_cast<std::size_t>(Id("side.one_side"))], Answer::kPresent);
  EXPECT_EQ(start.answers[static_cast<std::size_t>(Id("side.both_sides"))], Answer::kAbsent);
  EXPECT_EQ(start.answers[static_cast<std::size_t>(Id("f.x"))], Answer::kUnknown);
  EXPECT_EQ(start.answers[static_cast<std::size_t>(Id("f.y"))], Answer::kUnknown);
}

TEST_F(InterviewTest, RedFlagScreenComesFirstWhenPainIsMarked) {
  const Case start = MakeCase(kb_, 30, Sex::kFemale, {"pain.region"});
  const NextStep step = ChooseNextStep(kb_, start, {}, options_);
  EXPECT_EQ(step.finding, Id("red.flag"));
}

TEST_F(InterviewTest, ScreenIsForcedWhenItWouldOtherwiseComeTooLate) {
  // screen_within is 2: after one question the screen must be asked now, whatever its value.
  const Case c = MakeCase(kb_, 30, Sex::kFemale, {"pain.region"}, {"f.x"});
  const NextStep step = ChooseNextStep(kb_, c, {Id("f.x")}, options_);
  EXPECT_EQ(step.finding, Id("red.flag"));
  EXPECT_TRUE(step.screening);
}

TEST_F(InterviewTest, YesToAnEmergencyRedFlagEndsTheInterview) {
  const Case full = MakeCase(kb_, 30, Sex::kFemale, {"pain.region", "red.flag", "f.x"});
  const InterviewRun run = SimulateInterview(kb_, full, options_);
  EXPECT_EQ(run.stop_reason, "emergency");
  EXPECT_EQ(run.asked, std::vector<int>{Id("red.flag")});
}

TEST_F(InterviewTest, NoClinicianQuestionsForPatients) {
  const Case full = MakeCase(kb_, 30, Sex::kFemale, {"pain.region", "exam.sign"}, {"red.flag"});
  options_.max_questions = 15;
  const InterviewRun patient = SimulateInterview(kb_, full, options_);
  for (int f : patient.asked)
    EXPECT_FALSE(kb_.findings[static_cast<std::size_t>(f)].clinician_only);
  for (std::size_t f = 0; f < kb_.findings.size(); ++f) {
    Case c = MakeCase(kb_, 30, Sex::kFemale, {});
    EXPECT_EQ(IsAskable(kb_, c, Audience::kPatient, static_cast<int>(f)),
              !kb_.findings[f].clinician_only && kb_.findings[f].follow_up_of < 0 &&
                  kb_.findings[f].id != "pain.region");
  }
  EXPECT_TRUE(
      IsAskable(kb_, MakeCase(kb_, 30, Sex::kFemale, {}), Audience::kClinician, Id("exam.sign")));
}

TEST_F(InterviewTest, FollowUpIsAskedOnlyAfterAYesToItsParent) {
  EXPECT_FALSE(
      IsAskable(kb_, MakeCase(kb_, 30, Sex::kFemale, {}), Audience::kPatient, Id("red.worse")));
  EXPECT_FALSE(IsAskable(kb_, MakeCase(kb_, 30, Sex::kFemale, {}, {"f.z"}), Audience::kPatient,
                         Id("red.worse")));
  EXPECT_TRUE(IsAskable(kb_, MakeCase(kb_, 30, Sex::kFemale, {"f.z"}), Audience::kPatient,
                        Id("red.worse")));
}

// The tiny knowledge base plus R3 (test only): f.z and side.midline together are an emergency, so
// a yes to f.z engages it. `edit` changes more.
Result<KnowledgeBase> TinyWithEngagedRule(const std::function<void(nlohmann::json&)>& edit =
                                              [](nlohmann::json&) {}) {
  return LoadKnowledgeBase(testing::TinyDocuments([&](nlohmann::json& kb) {
    kb["triage"]["red_flag_rules"].push_back(
        {{"id", "R3"},
         {"level", "emergency"},
         {"points_to", "cond_e"},
         {"when", {{"all", {{{"present", "f.z"}}, {{"present", "side.midline"}}}}}},
         {"estimate", "test"}});
    kb["interview"]["stop"]["min_questions"] = 10;  // keep asking: these tests are about the order
    edit(kb);
  }));
}

TEST(InterviewCompletionTest, AYesThatEngagesAnEmergencyRuleBringsItsMissingPartNext) {
  // side.midline is worth less than other questions, so only the engaged rule brings it forward.
  Result<KnowledgeBase> loaded = TinyWithEngagedRule();
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  const KnowledgeBase& kb = loaded.value();
  const int fz = kb.FindingIndex("f.z"), midline = kb.FindingIndex("side.midline");
  const Case engaged = MakeCase(kb, 30, Sex::kFemale, {"pain.region", "f.z"}, {"red.flag"});
  const NextStep step = ChooseNextStep(kb, engaged, {fz}, InterviewOptions{});
  EXPECT_EQ(step.finding, midline) << step.stop_reason;
  // Without the yes the rule is not engaged and the usual order holds.
  const Case plain = MakeCase(kb, 30, Sex::kFemale, {"pain.region"}, {"f.z", "red.flag"});
  EXPECT_NE(ChooseNextStep(kb, plain, {fz}, InterviewOptions{}).finding, midline);
}

// Information measured on a flattened posterior (interview.information_tempering) gives a cause
// the answers so far underrate a hearing: f.x refines the leading cond_a against cond_b, f.z
// singles out the rare cond_e. Only information counts here (no triage weights, no urgency term).
TEST(InterviewTemperingTest, AFlatterViewAsksAboutTheUnderratedCause) {
  const auto next_with_exponent = [](double exponent) {
    Result<KnowledgeBase> loaded =
        LoadKnowledgeBase(testing::TinyDocuments([&](nlohmann::json& kb) {
          kb["interview"]["information_tempering"] = {{"exponent", exponent}, {"estimate", "test"}};
          kb["interview"]["triage_weights"] = {{"self_care", 0},
                                               {"routine", 0},
                                               {"urgent", 0},
                                               {"emergency", 0},
                                               {"estimate", "test"}};
          kb["interview"]["urgency_information"]["weight"] = 0;
          kb["interview"]["stop"]["min_questions"] = 10;
          nlohmann::json& conditions = kb["conditions"];
          conditions[0]["prior"]["p"] = 0.9;   // cond_a
          conditions[1]["prior"]["p"] = 0.08;  // cond_b
          conditions[2]["prior"]["p"] = 0.02;  // cond_e
          conditions[1]["likelihoods"]["f.x"]["p"] = 0.4;
          conditions[1]["likelihoods"]["f.z"]["p"] = 0.05;
          conditions[2]["likelihoods"]["f.z"]["p"] = 0.9;
          for (nlohmann::json& f : kb["findings"]) {
            if (f["id"] == "f.x") f["default"]["p"] = 0.4;
            if (f["id"] == "f.z") f["default"]["p"] = 0.05;
          }
        }));
    EXPECT_TRUE(loaded.ok()) << loaded.error().message;
    const KnowledgeBase& kb = loaded.value();
    const Case c = MakeCase(kb, 30, Sex::kFemale, {"pain.region"}, {"red.flag"});
    const int next =
        ChooseNextStep(kb, c, {kb.FindingIndex("red.flag")}, InterviewOptions{}).finding;
    return next >= 0 ? kb.findings[static_cast<std::size_t>(next)].id : std::string("(stop)");
  };
  EXPECT_EQ(next_with_exponent(1.0), "f.x");
  EXPECT_EQ(next_with_exponent(0.5), "f.z");
}

TEST(InterviewFollowUpTest, AFollowUpStaysNextToItsYesWhileAnEmergencyRuleWaits) {
  // red.worse follows f.z. With any follow-up worth its place (min_share 0), it comes before the
  // question that completes R3.
  Result<KnowledgeBase> loaded = TinyWithEngagedRule([](nlohmann::json& kb) {
    kb["interview"]["follow_up"] = {{"min_share", 0}, {"estimate", "test"}};
  });
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  const KnowledgeBase& kb = loaded.value();
  const int fz = kb.FindingIndex("f.z");
  const Case engaged = MakeCase(kb, 30, Sex::kFemale, {"pain.region", "f.z"}, {"red.flag"});
  EXPECT_EQ(ChooseNextStep(kb, engaged, {fz}, InterviewOptions{}).finding,
            kb.FindingIndex("red.worse"));
}

TEST_F(InterviewTest, SameAnswersAlwaysGiveTheSameNextQuestion) {
  const Case c = MakeCase(kb_, 44, Sex::kMale, {"pain.region"}, {"red.flag"});
  const NextStep first = ChooseNextStep(kb_, c, {Id("red.flag")}, options_);
  for (int i = 0; i < 5; ++i) {
    const NextStep again = ChooseNextStep(kb_, c, {Id("red.flag")}, options_);
    EXPECT_EQ(again.finding, first.finding);
    EXPECT_EQ(again.value, first.value);
  }
}

TEST_F(InterviewTest, StopsAtTheQuestionLimit) {
  options_.max_questions = 1;
  const Case full = MakeCase(kb_, 30, Sex::kFemale, {"pain.region"}, {"red.flag", "f.x", "f.y"});
  const InterviewRun run = SimulateInterview(kb_, full, options_);
  EXPECT_EQ(run.asked.size(), 1u);
  EXPECT_EQ(run.stop_reason, "question_limit");
}

TEST_F(InterviewTest, DontKnowIsNotAskedAgainAndStaysUnknown) {
  const Case full = MakeCase(kb_, 30, Sex::kFemale, {"pain.region"});
  const InterviewRun run = SimulateInterview(kb_, full, options_);
  std::vector<int> sorted = run.asked;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end());
  for (int f : run.asked) {
    EXPECT_EQ(run.answers.answers[static_cast<std::size_t>(f)], Answer::kUnknown);
    EXPECT_TRUE(run.answers.dont_know[static_cast<std::size_t>(f)]);
  }
}

TEST_F(InterviewTest, FixedOrderAsksInDataOrder) {
  options_.strategy = QuestionStrategy::kFixedOrder;
  const Case start = MakeCase(kb_, 30, Sex::kFemale, {});
  EXPECT_EQ(ChooseNextStep(kb_, start, {}, options_).finding, Id("f.x"));
}

}  // namespace
}  // namespace symcheck
