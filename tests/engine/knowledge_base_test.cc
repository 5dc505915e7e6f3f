// The project's own knowledge base (data/kb): it loads, passes the lint, behaves as its numbers
// say for every condition and every red-flag rule, and meets the dev-case targets.
#include <gtest/gtest.h>

#include <filesystem>

#include "api/engine.h"
#include "core/assessment.h"
#include "core/interview.h"
#include "core/lint.h"
#include "io/case_json.h"
#include "test_util.h"

namespace symcheck {
namespace {

namespace fs = std::filesystem;

const KnowledgeBase& ProjectKb() {
  static const KnowledgeBase kb = [] {
    Result<KnowledgeBase> loaded = LoadKnowledgeBase(testing::ProjectDocuments());
    if (!loaded.ok()) throw std::runtime_error(loaded.error().message);
    return std::move(loaded).value();
  }();
  return kb;
}

std::vector<std::string> VocabularyIds(const char* key) {
  const auto vocab =
      nlohmann::json::parse(testing::ReadFile(testing::SourcePath("tests/cases/vocabulary.json")));
  std::vector<std::string> ids;
  for (const auto& item : vocab.at(key)) ids.push_back(item.at("id").get<std::string>());
  return ids;
}

TEST(KnowledgeBaseTest, LoadsAndPassesTheLint) {
  const LintReport report =
      Lint(ProjectKb(), VocabularyIds("conditions"), VocabularyIds("findings"));
  for (const std::string& problem : report.problems) ADD_FAILURE() << problem;
  EXPECT_GE(report.conditions, 24);
  EXPECT_GE(report.findings, 121);
}

// A condition's typical picture, read from its own numbers: findings it makes at least twice as
// likely as the default are present, findings it makes at most half as likely are absent.
Case TypicalCase(const KnowledgeBase& kb, int c, int age, Sex sex) {
  Case out = testing::MakeCase(kb, age, sex, {});
  for (const Likelihood& l : kb.conditions[static_cast<std::size_t>(c)].likelihoods) {
    const Finding& f = kb.findings[static_cast<std::size_t>(l.finding)];
    if (f.only_sex && *f.only_sex != sex) continue;
    if (l.probability >= 2 * f.default_rate && l.probability >= 0.3) {
      out.answers[static_cast<std::size_t>(l.finding)] = Answer::kPresent;
    } else if (l.probability <= 0.5 * f.default_rate) {
      out.answers[static_cast<std::size_t>(l.finding)] = Answer::kAbsent;
    }
  }
  return out;
}

// The age and sex at which a condition is most likely, from its own prior factors.
std::pair<int, Sex> TypicalPerson(const KnowledgeBase& kb, int c) {
  const Condition& condition = kb.conditions[static_cast<std::size_t>(c)];
  std::size_t band = 0;
  for (std::size_t b = 1; b < condition.age_factors.size(); ++b) {
    if (condition.age_factors[b] > condition.age_factors[band]) band = b;
  }
  const AgeBand& ages = kb.age_bands[band];
  const Sex sex = condition.female_factor >= condition.male_factor ? Sex::kFemale : Sex::kMale;
  return {std::max(ages.min_age, std::min(ages.max_age, (ages.min_age + ages.max_age) / 2)), sex};
}

TEST(KnowledgeBaseTest, EachConditionComesFirstGivenItsTypicalFindings) {
  const KnowledgeBase& kb = ProjectKb();
  for (std::size_t c = 0; c < kb.conditions.size(); ++c) {
    const auto [age, sex] = TypicalPerson(kb, static_cast<int>(c));
    const Case typical = TypicalCase(kb, static_cast<int>(c), age, sex);
    const Assessment a = Assess(kb, CaseView(typical), AssessOptions{});
    EXPECT_EQ(kb.conditions[static_cast<std::size_t>(a.posterior.ranking.front())].id,
              kb.conditions[c].id)
        << "typical " << kb.conditions[c].id << " (age " << age << ")";
  }
}

TEST(KnowledgeBaseTest, EveryRedFlagRuleFiresAndLiftsAnOrdinaryPicture) {
  const KnowledgeBase& kb = ProjectKb();
  const int ordinary = kb.ConditionIndex("myofascial_pain");
  ASSERT_GE(ordinary, 0);
  for (std::size_t r = 0; r < kb.rules.size(); ++r) {
    const RedFlagRule& rule = kb.rules[r];
    const std::optional<Case> witness = RuleWitness(kb, static_cast<int>(r), false);
    ASSERT_TRUE(witness) << "rule " << rule.id << " can never fire";
    const Assessment alone = Assess(kb, CaseView(*witness), AssessOptions{});
    EXPECT_GE(alone.triage.level, rule.level) << rule.id;
    // The same red flag on top of an ordinary mechanical picture still raises triage.
    Case mixed = TypicalCase(kb, ordinary, witness->age, witness->sex);
    for (std::size_t f = 0; f < kb.findings.size(); ++f) {
      if (witness->answers[f] != Answer::kUnknown) mixed.answers[f] = witness->answers[f];
    }
    const Assessment a = Assess(kb, CaseView(mixed), AssessOptions{});
    EXPECT_GE(a.triage.level, rule.level) << "rule " << rule.id << " on an ordinary picture";
    EXPECT_NE(
        std::find(a.triage.fired_rules.begin(), a.triage.fired_rules.end(), static_cast<int>(r)),
        a.triage.fired_rules.end())
        << rule.id;
  }
}

// The reference cases: the shared dev cases and the held-out cases written blind to the data.
std::vector<fs::path> DevCases() {
  std::vector<fs::path> files;
  for (const char* folder : {"tests/cases/dev", "tests/cases/written"}) {
    for (const auto& entry : fs::directory_iterator(testing::SourcePath(folder))) {
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(KnowledgeBaseTest, UnknownAnswersNeverChangeTheResult) {
  const KnowledgeBase& kb = ProjectKb();
  for (const fs::path& file : DevCases()) {
    Result<ParsedCase> parsed = ParseCase(kb, testing::ReadFile(file.string()));
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    Case with_dont_know = parsed.value().answers;
    for (std::size_t f = 0; f < kb.findings.size(); f += 2) {
      if (with_dont_know.answers[f] == Answer::kUnknown) with_dont_know.dont_know[f] = true;
    }
    // Everything but the open safety checks, which by design leave out "don't know" answers.
    const auto without_checks = [&](const Case& c) {
      nlohmann::json out =
          nlohmann::json::parse(AssessmentJson(kb, Assess(kb, CaseView(c), {}), nullptr));
      out.erase("unanswered_safety_checks");
      return out.dump();
    };
    EXPECT_EQ(without_checks(parsed.value().answers), without_checks(with_dont_know)) << file;
  }
}

bool Contains(const std::vector<int>& items, int finding) {
  return std::find(items.begin(), items.end(), finding) != items.end();
}

TEST(KnowledgeBaseInterviewTest, TheOpeningScreensComeFirstInDataOrder) {
  const KnowledgeBase& kb = ProjectKb();
  std::vector<int> openings;
  for (std::size_t s = 0; s < kb.screens.size(); ++s) {
    if (kb.screens[s].kind == ScreenKind::kOpening) openings.push_back(static_cast<int>(s));
  }
  ASSERT_GE(openings.size(), 1u);
  for (int age : {25, 40, 70}) {
    for (Sex sex : {Sex::kFemale, Sex::kMale}) {
      Case answers = testing::MakeCase(
          kb, age, sex, {"pain.buttock", "pain.below_knee", "side.one_side"}, {"side.both_sides"});
      for (std::size_t shown = 0; shown < openings.size(); ++shown) {
        const NextScreen next =
            ChooseNextScreen(kb, answers, static_cast<int>(shown), InterviewOptions{});
        ASSERT_EQ(next.screen, openings[shown]) << "age " << age << ": " << next.stop_reason;
        for (int f : next.items) answers.answers[static_cast<std::size_t>(f)] = Answer::kAbsent;
      }
    }
  }
}

TEST(KnowledgeBaseInterviewTest, CaudaEquinaQuestionsOnTheFirstScreenInEveryCase) {
  const KnowledgeBase& kb = ProjectKb();
  const int saddle = kb.FindingIndex("neuro.saddle_numbness");
  const int bladder = kb.FindingIndex("neuro.bladder_change");
  const int retention = kb.FindingIndex("neuro.bladder_retention_new");
  for (const fs::path& file : DevCases()) {
    Result<ParsedCase> parsed = ParseCase(kb, testing::ReadFile(file.string()));
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    const Case& full = parsed.value().answers;
    const InterviewRun run = SimulateInterview(kb, full, InterviewOptions{});
    ASSERT_FALSE(run.screens.empty()) << file << ": " << run.stop_reason;
    EXPECT_TRUE(Contains(run.screens[0], saddle) && Contains(run.screens[0], bladder)) << file;
    // Not passing urine narrows a bladder change: the yes it implies is an emergency already, or
    // the narrower question comes on the very next screen.
    if (full.answers[static_cast<std::size_t>(retention)] == Answer::kPresent) {
      if (run.screens.size() == 1) {
        EXPECT_EQ(run.stop_reason, "emergency") << file;
      } else {
        EXPECT_TRUE(Contains(run.screens[1], retention)) << file;
      }
    }
    for (const std::vector<int>& screen : run.screens) {
      EXPECT_LE(screen.size(), kMaxScreenItems) << file;
      EXPECT_FALSE(screen.empty()) << file;
    }
  }
}

TEST(KnowledgeBaseInterviewTest, ClinicianModeScreensTheCaudaEquinaExamination) {
  const KnowledgeBase& kb = ProjectKb();
  const int exam = kb.FindingIndex("exam.saddle_sensory_loss_or_low_anal_tone");
  const Case full = testing::MakeCase(kb, 45, Sex::kMale, {"pain.buttock", "side.one_side"}, {});
  InterviewOptions clinician;
  clinician.audience = Audience::kClinician;
  const InterviewRun run = SimulateInterview(kb, full, clinician);
  EXPECT_TRUE(Contains(run.Asked(), exam)) << run.stop_reason;
  const InterviewRun patient = SimulateInterview(kb, full, InterviewOptions{});
  for (int f : patient.Asked()) {
    EXPECT_FALSE(kb.findings[static_cast<std::size_t>(f)].clinician_only)
        << kb.findings[static_cast<std::size_t>(f)].id;
  }
}

}  // namespace
}  // namespace symcheck
