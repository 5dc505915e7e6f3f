#include "core/triage.h"

#include <gtest/gtest.h>

#include "core/assessment.h"
#include "test_util.h"

namespace symcheck {
namespace {

using testing::LoadTiny;
using testing::MakeCase;

class TriageTest : public ::testing::Test {
 protected:
  Assessment AssessCase(const Case& c) { return Assess(kb_, CaseView(c), AssessOptions{}); }
  KnowledgeBase kb_ = LoadTiny();
};

TEST_F(TriageTest, StartsFromTheLeadingConditionsDefault) {
  const Assessment a = AssessCase(MakeCase(kb_, 30, Sex::kFemale, {"f.x"}));
  EXPECT_EQ(a.triage.level, Triage::kRoutine);
  EXPECT_TRUE(a.triage.fired_rules.empty());
  EXPECT_TRUE(a.triage.red_flags.empty());
}

TEST_F(TriageTest, SelfCareDefaultStaysSelfCareWithoutGateFindings) {
  const Assessment a = AssessCase(MakeCase(kb_, 30, Sex::kFemale, {}, {"f.x"}));
  ASSERT_EQ(a.posterior.ranking.front(), 1);  // cond_b leads
  EXPECT_EQ(a.triage.level, Triage::kSelfCare);
  EXPECT_FALSE(a.triage.self_care_gate);
}

TEST_F(TriageTest, SelfCareGateLiftsToRoutine) {
  const Assessment a = AssessCase(MakeCase(kb_, 90, Sex::kFemale, {}, {"f.x"}));
  ASSERT_EQ(a.posterior.ranking.front(), 1);
  EXPECT_TRUE(a.triage.self_care_gate);
  EXPECT_EQ(a.triage.level, Triage::kRoutine);
}

TEST_F(TriageTest, EmergencyRuleFiresAndNamesItsRedFlags) {
  const Assessment a =
      AssessCase(MakeCase(kb_, 30, Sex::kFemale, {"pain.region", "red.flag", "f.x"}));
  EXPECT_EQ(a.triage.level, Triage::kEmergency);
  ASSERT_EQ(a.triage.fired_rules, std::vector<int>{0});
  EXPECT_EQ(a.triage.red_flags,
            std::vector<int>{kb_.FindingIndex("red.flag")});  // any pain is context, not a flag
}

TEST_F(TriageTest, RuleNeedsEveryPart) {
  // R1 needs any pain as well: the red flag alone leaves triage to the probabilities.
  const Assessment a = AssessCase(MakeCase(kb_, 30, Sex::kFemale, {"red.flag"}, {"pain.region"}));
  EXPECT_TRUE(a.triage.fired_rules.empty());
}

TEST_F(TriageTest, RedFlagPlusOrdinaryPictureStillTriagesUp) {
  const Assessment a =
      AssessCase(MakeCase(kb_, 30, Sex::kFemale, {"f.x", "f.z", "red.worse"}, {"f.y"}));
  EXPECT_EQ(a.posterior.ranking.front(), 0);  // the ordinary condition still leads
  EXPECT_EQ(a.triage.level, Triage::kUrgent);
  EXPECT_EQ(a.triage.red_flags, std::vector<int>{kb_.FindingIndex("red.worse")});
}

TEST_F(TriageTest, NotPresentIsSatisfiedByAbsentOrUnknown) {
  EXPECT_EQ(AssessCase(MakeCase(kb_, 30, Sex::kFemale, {"f.z", "red.worse"})).triage.fired_rules,
            std::vector<int>{1});
  EXPECT_NE(
      AssessCase(MakeCase(kb_, 30, Sex::kFemale, {"f.z", "red.worse", "f.y"})).triage.fired_rules,
      std::vector<int>{1});
}

TEST_F(TriageTest, ProbabilityThresholdRaisesTriage) {
  // red.flag without pain: cond_e gets 0.1 x 0.9/0.01 = 9 against 0.6 x 0.99... -> P(cond_e) > 0.5.
  const Assessment a = AssessCase(MakeCase(kb_, 30, Sex::kFemale, {"red.flag"}));
  EXPECT_GT(a.posterior.probability[2], 0.5);
  EXPECT_EQ(a.triage.threshold_level, Triage::kEmergency);
  EXPECT_EQ(a.triage.level, Triage::kEmergency);
  EXPECT_TRUE(a.triage.red_flags.empty());  // no rule fired: the posterior carried it
}

// cond_a (routine) is self-care when f.y is present, unless the gate (f.z, age 90) lifts it back.
KnowledgeBase TinyWithSelfCareCriteria() {
  Result<KnowledgeBase> kb = LoadKnowledgeBase(testing::TinyDocuments([](nlohmann::json& json) {
    json["conditions"][0]["self_care_when"] = {{"when", {{"present", "f.y"}}},
                                               {"estimate", "test"}};
  }));
  if (!kb.ok()) throw std::runtime_error(kb.error().message);
  return std::move(kb).value();
}

class TriageSelfCareCriteriaTest : public ::testing::Test {
 protected:
  Assessment AssessLeadingA(int age, const std::vector<std::string>& present,
                            const std::vector<std::string>& absent = {}) {
    const Case c = MakeCase(kb_, age, Sex::kFemale, present, absent);
    Assessment a = Assess(kb_, CaseView(c), AssessOptions{});
    EXPECT_EQ(a.posterior.ranking.front(), 0);  // cond_a leads
    return a;
  }
  KnowledgeBase kb_ = TinyWithSelfCareCriteria();
};

TEST_F(TriageSelfCareCriteriaTest, LowerARoutineConditionToSelfCare) {
  const Assessment a = AssessLeadingA(30, {"f.x", "f.y"});
  EXPECT_TRUE(a.triage.self_care_criteria);
  EXPECT_EQ(a.triage.level, Triage::kSelfCare);
}

TEST_F(TriageSelfCareCriteriaTest, GateStillLiftsToRoutine) {
  const Assessment a = AssessLeadingA(90, {"f.x", "f.y"});
  EXPECT_TRUE(a.triage.self_care_criteria);
  EXPECT_TRUE(a.triage.self_care_gate);
  EXPECT_EQ(a.triage.level, Triage::kRoutine);
}

TEST_F(TriageSelfCareCriteriaTest, WithoutTheCriteriaTheDefaultHolds) {
  const Assessment a = AssessLeadingA(30, {"f.x"}, {"f.y"});
  EXPECT_FALSE(a.triage.self_care_criteria);
  EXPECT_EQ(a.triage.level, Triage::kRoutine);
}

// Safety checks: the opening screen's questions (red.flag in the tiny knowledge base).
TEST_F(TriageTest, UnansweredOpeningQuestionsAreOpenSafetyChecks) {
  const Assessment a = AssessCase(MakeCase(kb_, 30, Sex::kFemale, {"f.x"}));
  EXPECT_EQ(a.unanswered_safety_checks, std::vector<int>{kb_.FindingIndex("red.flag")});
  // Answered either way, it is no longer open; questions of other screens never are.
  EXPECT_TRUE(AssessCase(MakeCase(kb_, 30, Sex::kFemale, {"f.x"}, {"red.flag"}))
                  .unanswered_safety_checks.empty());
  EXPECT_TRUE(
      AssessCase(MakeCase(kb_, 30, Sex::kFemale, {"red.flag"})).unanswered_safety_checks.empty());
}

TEST_F(TriageTest, DontKnowIsNotAnOpenSafetyCheck) {
  Case c = MakeCase(kb_, 30, Sex::kFemale, {"f.x"});
  c.dont_know[static_cast<std::size_t>(kb_.FindingIndex("red.flag"))] = true;
  EXPECT_TRUE(AssessCase(c).unanswered_safety_checks.empty());
}

TEST(TriageSafetyCheckTest, AQuestionForTheOtherSexIsNotAnOpenSafetyCheck) {
  // A second opening question (test only), f.y, for men only.
  Result<KnowledgeBase> loaded = LoadKnowledgeBase(testing::TinyDocuments([](nlohmann::json& kb) {
    for (nlohmann::json& f : kb["findings"]) {
      if (f["id"] == "f.y") f["only_sex"] = "male";
    }
    kb["screens"][0]["items"] = {"red.flag", "f.y"};
    kb["screens"][2]["items"] = {"f.x"};
  }));
  ASSERT_TRUE(loaded.ok()) << loaded.error().message;
  const KnowledgeBase& kb = loaded.value();
  const int red = kb.FindingIndex("red.flag"), y = kb.FindingIndex("f.y");
  const auto open = [&](Sex sex) {
    const Case c = MakeCase(kb, 30, sex, {"f.x"});
    return Assess(kb, CaseView(c), AssessOptions{}).unanswered_safety_checks;
  };
  EXPECT_EQ(open(Sex::kMale), (std::vector<int>{red, y}));
  EXPECT_EQ(open(Sex::kFemale), std::vector<int>{red});
}

}  // namespace
}  // namespace symcheck
