// Property: the screen look-ahead's emergency and triage-change probabilities equal a brute-force
// recomputation over every yes/no answer pattern of a screen, with the full Assess for each.
#include "core/screen_lookahead.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "core/assessment.h"
#include "core/interview.h"
#include "test_util.h"

namespace symcheck {
namespace {

using testing::MakeCase;

// P(finding present | condition) read straight from the data: the condition's listed likelihood or
// the finding's default, clamped to the model's clamp.
double PresentGiven(const KnowledgeBase& kb, int finding, std::size_t condition) {
  double p = kb.findings[static_cast<std::size_t>(finding)].default_rate;
  for (const Likelihood& l : kb.conditions[condition].likelihoods) {
    if (l.finding == finding) p = l.probability;
  }
  return std::clamp(p, kb.clamp_min, kb.clamp_max);
}

struct BruteForce {
  double emergency = 0.0;
  double triage_change = 0.0;
  double total = 0.0;  // the patterns' probabilities summed: 1 up to rounding
};

BruteForce Enumerate(const KnowledgeBase& kb, const Case& c, const std::vector<int>& items) {
  const Assessment now = Assess(kb, CaseView(c), AssessOptions{});
  BruteForce out;
  for (unsigned pattern = 0; pattern < (1u << items.size()); ++pattern) {
    Case trial = c;
    double p_pattern = 0.0;
    for (std::size_t k = 0; k < kb.conditions.size(); ++k) {
      double p = now.posterior.probability[k];
      for (std::size_t i = 0; i < items.size(); ++i) {
        const double present = PresentGiven(kb, items[i], k);
        p *= (pattern >> i & 1u) != 0 ? present : 1.0 - present;
      }
      p_pattern += p;
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
      trial.answers[static_cast<std::size_t>(items[i])] =
          (pattern >> i & 1u) != 0 ? Answer::kPresent : Answer::kAbsent;
    }
    const Triage level = Assess(kb, CaseView(trial), AssessOptions{}).triage.level;
    out.total += p_pattern;
    if (level != now.triage.level) out.triage_change += p_pattern;
    if (now.triage.level != Triage::kEmergency && level == Triage::kEmergency) {
      out.emergency += p_pattern;
    }
  }
  const double answerable = 1.0 - kb.interview.dont_know_probability;
  out.emergency *= answerable;
  out.triage_change *= answerable;
  return out;
}

// The tiny knowledge base, and a variant (test only) whose screens are larger: f.x, f.y, f.z and
// side.midline on one screen, red.flag with the side findings on the opening screen, and R3 (f.z
// with side.midline) as an emergency.
std::vector<KnowledgeBase> KnowledgeBases() {
  std::vector<KnowledgeBase> kbs;
  kbs.push_back(testing::LoadTiny());
  Result<KnowledgeBase> wide = LoadKnowledgeBase(testing::TinyDocuments([](nlohmann::json& kb) {
    nlohmann::json& screens = kb["screens"];
    screens[0]["items"] = {"red.flag", "side.one_side", "side.both_sides"};
    screens[2]["items"] = {"f.x", "f.y", "f.z", "side.midline"};
    screens.erase(1);  // safety_z: f.z is now in diag_xy
    testing::AddMidlineEmergencyRule(kb);
  }));
  if (!wide.ok()) throw std::runtime_error(wide.error().message);
  kbs.push_back(std::move(wide).value());
  return kbs;
}

std::vector<Case> Cases(const KnowledgeBase& kb) {
  std::vector<Case> cases;
  cases.push_back(MakeCase(kb, 30, Sex::kFemale, {"pain.region"}));
  cases.push_back(MakeCase(kb, 30, Sex::kFemale, {}));
  cases.push_back(MakeCase(kb, 70, Sex::kMale, {"pain.region"}, {"red.flag"}));
  cases.push_back(MakeCase(kb, 45, Sex::kMale, {"pain.region", "f.z"}, {"red.flag"}));
  cases.push_back(MakeCase(kb, 30, Sex::kFemale, {"pain.region", "side.midline", "f.x"}, {"f.y"}));
  cases.push_back(MakeCase(kb, 90, Sex::kFemale, {"f.y"}, {"f.x"}));
  cases.push_back(MakeCase(kb, 25, Sex::kFemale, {"red.flag"}, {"pain.region"}));  // emergency
  cases.push_back(MakeCase(kb, 50, Sex::kMale, {"f.z", "red.worse"}));             // urgent (R2)
  Case unsure = MakeCase(kb, 40, Sex::kFemale, {"pain.region"}, {"f.x"});
  unsure.dont_know[static_cast<std::size_t>(kb.FindingIndex("red.flag"))] = true;
  cases.push_back(unsure);
  return cases;
}

TEST(ScreenLookaheadPropertyTest, EmergencyAndTriageChangeMatchBruteForceEnumeration) {
  int screens_checked = 0;
  int with_emergency = 0;
  int with_change = 0;
  int multi_item = 0;
  for (const KnowledgeBase& kb : KnowledgeBases()) {
    const std::vector<Case> cases = Cases(kb);
    for (std::size_t n = 0; n < cases.size(); ++n) {
      const Case& c = cases[n];
      const ScreenLookahead lookahead(kb, c, ScoringOptions{});
      for (const Screen& screen : kb.screens) {
        const std::vector<int> items = AskableItems(kb, c, Audience::kClinician, screen);
        const ScreenOutlook got = lookahead.Evaluate(items);
        if (items.empty()) {
          EXPECT_EQ(got.emergency_probability, 0.0);
          EXPECT_EQ(got.triage_change_probability, 0.0);
          continue;
        }
        const BruteForce want = Enumerate(kb, c, items);
        EXPECT_NEAR(want.total, 1.0, 1e-12);
        EXPECT_NEAR(got.emergency_probability, want.emergency, 1e-9)
            << "screen " << screen.id << ", case " << n;
        EXPECT_NEAR(got.triage_change_probability, want.triage_change, 1e-9)
            << "screen " << screen.id << ", case " << n;
        // The change of the advice or the top three includes the change of the advice.
        EXPECT_GE(got.change_probability, got.triage_change_probability - 1e-12);
        ++screens_checked;
        with_emergency += want.emergency > 0.0;
        with_change += want.triage_change > 0.0;
        multi_item += items.size() > 1;
      }
    }
  }
  // The property is not vacuous: screens that can and cannot raise an emergency, several items.
  EXPECT_GE(screens_checked, 40);
  EXPECT_GE(with_emergency, 3);
  EXPECT_GE(with_change, 5);
  EXPECT_GE(multi_item, 10);
}

TEST(ScreenLookaheadPropertyTest, FollowUpScreensMatchToo) {
  for (const KnowledgeBase& kb : KnowledgeBases()) {
    const Case c = MakeCase(kb, 30, Sex::kFemale, {"pain.region", "f.z"}, {"red.flag"});
    const NextScreen next = ChooseNextScreen(kb, c, 1, InterviewOptions{});
    ASSERT_EQ(next.screen, kFollowUpScreen);
    const ScreenOutlook got = ScreenLookahead(kb, c, ScoringOptions{}).Evaluate(next.items);
    const BruteForce want = Enumerate(kb, c, next.items);
    EXPECT_NEAR(got.emergency_probability, want.emergency, 1e-9);
    EXPECT_NEAR(got.triage_change_probability, want.triage_change, 1e-9);
  }
}

}  // namespace
}  // namespace symcheck
