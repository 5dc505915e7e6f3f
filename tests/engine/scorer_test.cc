#include "core/scorer.h"

#include <gtest/gtest.h>

#include "core/assessment.h"
#include "test_util.h"

namespace symcheck {
namespace {

using testing::LoadTiny;
using testing::MakeCase;

class ScorerTest : public ::testing::Test {
 protected:
  KnowledgeBase kb_ = LoadTiny();
  ScoringOptions options_;
};

// Hand computation (prior x P(f|c)/default for present, x (1-P)/(1-default) for absent):
//   cond_a: 0.6 x (0.8/0.2) x (0.6/0.5) = 2.88
//   cond_b: 0.3 x (0.1/0.2)            = 0.15
//   cond_e: 0.1 (lists neither finding) = 0.10      total 3.13
TEST_F(ScorerTest, PosteriorMatchesHandComputation) {
  const Case c = MakeCase(kb_, 30, Sex::kFemale, {"f.x"}, {"f.y"});
  const Posterior p = ComputePosterior(kb_, CaseView(c), options_);
  EXPECT_NEAR(p.probability[0], 2.88 / 3.13, 1e-12);
  EXPECT_NEAR(p.probability[1], 0.15 / 3.13, 1e-12);
  EXPECT_NEAR(p.probability[2], 0.10 / 3.13, 1e-12);
  EXPECT_EQ(p.ranking, (std::vector<int>{0, 1, 2}));
}

TEST_F(ScorerTest, ProbabilitiesSumToOne) {
  const Case c = MakeCase(kb_, 70, Sex::kMale, {"f.z", "red.flag"}, {"f.x"});
  const Posterior p = ComputePosterior(kb_, CaseView(c), options_);
  double sum = 0;
  for (double x : p.probability) sum += x;
  EXPECT_NEAR(sum, 1.0, 1e-12);
}

TEST_F(ScorerTest, AgeBandFactorsScaleThePrior) {
  // cond_b has age factor 2 from 65 on: priors 0.6, 0.6, 0.1 -> renormalised.
  const Case c = MakeCase(kb_, 70, Sex::kFemale, {});
  const Posterior p = ComputePosterior(kb_, CaseView(c), options_);
  EXPECT_NEAR(p.probability[1], 0.6 / 1.3, 1e-12);
}

TEST_F(ScorerTest, UnknownFindingsDoNotMoveThePosterior) {
  const Case none = MakeCase(kb_, 30, Sex::kFemale, {});
  Case unknown = none;
  unknown.dont_know[static_cast<std::size_t>(kb_.FindingIndex("f.x"))] = true;
  const Posterior a = ComputePosterior(kb_, CaseView(none), options_);
  const Posterior b = ComputePosterior(kb_, CaseView(unknown), options_);
  EXPECT_EQ(a.probability, b.probability);
  EXPECT_NEAR(a.probability[0], 0.6, 1e-12);
}

TEST_F(ScorerTest, AbsentIsNotUnknown) {
  const Case unknown = MakeCase(kb_, 30, Sex::kFemale, {});
  const Case absent = MakeCase(kb_, 30, Sex::kFemale, {}, {"f.x"});
  const Posterior a = ComputePosterior(kb_, CaseView(unknown), options_);
  const Posterior b = ComputePosterior(kb_, CaseView(absent), options_);
  // f.x absent: cond_a x 0.2/0.8 = 0.25, cond_b x 0.9/0.8 = 1.125.
  EXPECT_NEAR(b.probability[0], 0.6 * 0.25 / (0.6 * 0.25 + 0.3 * 1.125 + 0.1), 1e-12);
  EXPECT_LT(b.probability[0], a.probability[0]);
}

// model.no_answer_weight: a "no" counts by that share of its log-likelihood ratio, a "yes" in full;
// the look-ahead and the explanations read the same ratios, so all three move together.
TEST_F(ScorerTest, ANoCountsAtTheModelsWeightAndAYesInFull) {
  std::vector<Document> docs = testing::TinyDocuments(
      [](nlohmann::json& kb) { kb["model"]["no_answer_weight"]["weight"] = 0.5; });
  Result<KnowledgeBase> weighted = LoadKnowledgeBase(docs);
  ASSERT_TRUE(weighted.ok()) << weighted.error().message;
  const Case c = MakeCase(weighted.value(), 30, Sex::kFemale, {"f.x"}, {"f.y"});
  std::vector<Contribution> evidence;
  ScoringOptions plain;
  plain.damp_dependent_findings = false;
  ConditionEvidence(weighted.value(), CaseView(c), 0, plain, evidence);
  ASSERT_EQ(evidence.size(), 2u);
  EXPECT_NEAR(evidence[0].llr, std::log(4.0), 1e-15);        // yes: in full
  EXPECT_NEAR(evidence[1].llr, 0.5 * std::log(1.2), 1e-15);  // no: at half
  // f.x absent alone: cond_a x sqrt(0.2/0.8), cond_b x sqrt(0.9/0.8), cond_c unlisted.
  const Case absent = MakeCase(weighted.value(), 30, Sex::kFemale, {}, {"f.x"});
  const Posterior p = ComputePosterior(weighted.value(), CaseView(absent), options_);
  const double a = 0.6 * std::sqrt(0.25), b = 0.3 * std::sqrt(1.125);
  EXPECT_NEAR(p.probability[0], a / (a + b + 0.1), 1e-12);
}

TEST_F(ScorerTest, DampingWeighsTheSecondItemOfAGroupLess) {
  std::vector<Document> docs = testing::TinyDocuments([](nlohmann::json& kb) {
    kb["model"]["dependence_groups"] = nlohmann::json::parse(
        R"([{"id":"xy","findings":["f.x","f.y"],"damping":0.5,"estimate":"test"}])");
  });
  Result<KnowledgeBase> damped = LoadKnowledgeBase(docs);
  ASSERT_TRUE(damped.ok()) << damped.error().message;
  const Case c = MakeCase(damped.value(), 30, Sex::kFemale, {"f.x"}, {"f.y"});
  std::vector<Contribution> evidence;
  ConditionEvidence(damped.value(), CaseView(c), 0, options_, evidence);
  ASSERT_EQ(evidence.size(), 2u);
  // |log 4| > |log 1.2|: f.x counts in full, f.y at half weight.
  EXPECT_NEAR(evidence[0].llr, std::log(4.0), 1e-15);
  EXPECT_NEAR(evidence[1].llr, 0.5 * std::log(1.2), 1e-15);
  ScoringOptions plain;
  plain.damp_dependent_findings = false;
  ConditionEvidence(damped.value(), CaseView(c), 0, plain, evidence);
  EXPECT_NEAR(evidence[1].llr, std::log(1.2), 1e-15);
}

TEST_F(ScorerTest, ExplanationsListAnsweredFindingsWithTheirSources) {
  const Case c = MakeCase(kb_, 30, Sex::kFemale, {"f.x"}, {"f.y"});
  const Assessment a = Assess(kb_, CaseView(c), AssessOptions{});
  ASSERT_EQ(a.explanations.size(), 3u);
  const Explanation& top = a.explanations[0];
  EXPECT_EQ(top.condition, 0);
  ASSERT_EQ(top.evidence.size(), 2u);
  EXPECT_EQ(kb_.findings[static_cast<std::size_t>(top.evidence[0].finding)].id, "f.x");
  const Likelihood& l =
      kb_.conditions[0].likelihoods[static_cast<std::size_t>(top.evidence[0].likelihood)];
  EXPECT_EQ(l.basis.sources, std::vector<std::string>{"paper2020"});
}

}  // namespace
}  // namespace symcheck
