#include "core/interview.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "core/screen_lookahead.h"
#include "test_util.h"

namespace symcheck {
namespace {

using testing::LoadTiny;
using testing::MakeCase;

// The index of the screen with this id, or -1.
int ScreenOf(const KnowledgeBase& kb, const std::string& id) {
  for (std::size_t s = 0; s < kb.screens.size(); ++s) {
    if (kb.screens[s].id == id) return static_cast<int>(s);
  }
  return -1;
}

// The tiny knowledge base's screens: opening [red.flag], safety_z [f.z], diag_xy [f.x, f.y] and the
// clinicians' clin_exam [exam.sign]; red.worse follows a yes to f.z.
class InterviewTest : public ::testing::Test {
 protected:
  KnowledgeBase kb_ = LoadTiny();
  InterviewOptions options_;
  int Id(const char* finding) const { return kb_.FindingIndex(finding); }
  int ScreenIndex(const char* id) const { return ScreenOf(kb_, id); }
};

// The tiny knowledge base after `edit` (tests only); throws if it does not load.
KnowledgeBase TinyWith(const std::function<void(nlohmann::json&)>& edit) {
  Result<KnowledgeBase> loaded = LoadKnowledgeBase(testing::TinyDocuments(edit));
  if (!loaded.ok()) throw std::runtime_error(loaded.error().message);
  return std::move(loaded).value();
}

void SetStop(nlohmann::json& kb, const char* key, double p) {
  kb["interview"]["stop"][key]["p"] = p;
}

// The tiny knowledge base that never stops early (stop.min_screens = max_screens): for tests of
// what is asked, not of when to stop.
KnowledgeBase TinyAskingEverything() {
  return TinyWith([](nlohmann::json& kb) { kb["interview"]["stop"]["min_screens"] = 6; });
}

// R1 (red.flag with pain) holds only "unless f.y", as a rule holds only for pain of under three
// months.
void UnlessFy(nlohmann::json& kb) {
  kb["triage"]["red_flag_rules"][0]["when"]["all"].push_back({{"not", {{"present", "f.y"}}}});
}

// R3: a yes to f.x alone is an emergency.
void EmergencyOnFx(nlohmann::json& kb) {
  kb["triage"]["red_flag_rules"].push_back({{"id", "R3"},
                                            {"level", "emergency"},
                                            {"points_to", "cond_e"},
                                            {"when", {{"present", "f.x"}}},
                                            {"estimate", "test"}});
}

TEST_F(InterviewTest, InitialEvidenceKeepsMarkedRegionsAndTheSideTheyImply) {
  const Case full =
      MakeCase(kb_, 30, Sex::kFemale, {"pain.region", "side.one_side", "f.x"}, {"f.y", "red.flag"});
  const Case start = InitialEvidence(kb_, full);
  EXPECT_EQ(start.age, 30);
  EXPECT_EQ(start.sex, Sex::kFemale);
  EXPECT_EQ(start.answers[static_cast<std::size_t>(Id("pain.region"))], Answer::kPresent);
  EXPECT_EQ(start.answers[static_cast<std::size_t>(Id("side.one_side"))], Answer::kPresent);
  EXPECT_EQ(start.answers[static_cast<std::size_t>(Id("side.both_sides"))], Answer::kAbsent);
  EXPECT_EQ(start.answers[static_cast<std::size_t>(Id("side.midline"))], Answer::kUnknown);
  for (const char* asked : {"f.x", "f.y", "red.flag"}) {
    EXPECT_EQ(start.answers[static_cast<std::size_t>(Id(asked))], Answer::kUnknown) << asked;
  }
  EXPECT_TRUE(
      std::none_of(start.dont_know.begin(), start.dont_know.end(), [](bool b) { return b; }));
  // Both sides marked: the one-side finding is absent, and an unmarked region stays unknown.
  const Case both = InitialEvidence(kb_, MakeCase(kb_, 50, Sex::kMale, {"side.both_sides"}));
  EXPECT_EQ(both.answers[static_cast<std::size_t>(Id("side.both_sides"))], Answer::kPresent);
  EXPECT_EQ(both.answers[static_cast<std::size_t>(Id("side.one_side"))], Answer::kAbsent);
  EXPECT_EQ(both.answers[static_cast<std::size_t>(Id("pain.region"))], Answer::kUnknown);
}

TEST_F(InterviewTest, TheOpeningScreenComesFirst) {
  const Case start = MakeCase(kb_, 30, Sex::kFemale, {"pain.region"});
  const NextScreen next = ChooseNextScreen(kb_, start, 0, options_);
  EXPECT_EQ(next.screen, ScreenIndex("opening"));
  EXPECT_EQ(next.items, std::vector<int>{Id("red.flag")});
  EXPECT_TRUE(next.stop_reason.empty());
  EXPECT_GE(next.estimate, 1);
}

// A second opening screen (test only) holding f.z: the openings come in data order before any
// screen chosen on value, whatever the answers to the first.
TEST(InterviewOpeningTest, OpeningScreensComeFirstInDataOrder) {
  const KnowledgeBase kb = TinyWith([](nlohmann::json& json) {
    nlohmann::json& screens = json["screens"];
    nlohmann::json second = screens[1];  // safety_z
    second["id"] = "opening_z";
    second["kind"] = "opening";
    screens.erase(1);
    screens.insert(screens.begin() + 1, second);
  });
  const int first = ScreenOf(kb, "opening");
  const int second = ScreenOf(kb, "opening_z");
  ASSERT_EQ(first, 0);
  ASSERT_EQ(second, 1);
  const InterviewOptions options;
  Case c = MakeCase(kb, 30, Sex::kFemale, {"pain.region"});
  EXPECT_EQ(ChooseNextScreen(kb, c, 0, options).screen, first);
  c.answers[static_cast<std::size_t>(kb.FindingIndex("red.flag"))] = Answer::kAbsent;
  const NextScreen next = ChooseNextScreen(kb, c, 1, options);
  EXPECT_EQ(next.screen, second);
  EXPECT_EQ(next.items, std::vector<int>{kb.FindingIndex("f.z")});
  EXPECT_EQ(next.value, 0.0);  // fixed, not measured
  // With the first opening answered "don't know", the second still comes next.
  Case unsure = MakeCase(kb, 30, Sex::kFemale, {"pain.region"});
  unsure.dont_know[static_cast<std::size_t>(kb.FindingIndex("red.flag"))] = true;
  EXPECT_EQ(ChooseNextScreen(kb, unsure, 1, options).screen, second);
  // A simulated interview shows them in that order.
  const InterviewRun run = SimulateInterview(
      kb, MakeCase(kb, 30, Sex::kFemale, {"pain.region"}, {"red.flag", "f.z"}), options);
  ASSERT_GE(run.screens.size(), 2u);
  EXPECT_EQ(run.screens[0], std::vector<int>{kb.FindingIndex("red.flag")});
  EXPECT_EQ(run.screens[1], std::vector<int>{kb.FindingIndex("f.z")});
}

TEST_F(InterviewTest, AYesWithAFollowUpGetsTheFollowUpScreenNext) {
  const Case yes = MakeCase(kb_, 30, Sex::kFemale, {"pain.region", "f.z"}, {"red.flag"});
  const NextScreen next = ChooseNextScreen(kb_, yes, 2, options_);
  EXPECT_EQ(next.screen, kFollowUpScreen);
  EXPECT_EQ(next.items, std::vector<int>{Id("red.worse")});
  // The follow-up comes even before an opening screen not yet shown.
  const Case early = MakeCase(kb_, 30, Sex::kFemale, {"pain.region", "f.z"});
  EXPECT_EQ(ChooseNextScreen(kb_, early, 1, options_).screen, kFollowUpScreen);
  // Without the yes there is no follow-up screen, and no follow-up in any other screen.
  const Case no = MakeCase(kb_, 30, Sex::kFemale, {"pain.region"}, {"red.flag", "f.z"});
  const NextScreen other = ChooseNextScreen(kb_, no, 2, options_);
  EXPECT_NE(other.screen, kFollowUpScreen);
  EXPECT_EQ(std::find(other.items.begin(), other.items.end(), Id("red.worse")), other.items.end());
  // A simulated person who says yes to f.z sees the follow-up on the very next screen.
  const KnowledgeBase all = TinyAskingEverything();
  const Case full =
      MakeCase(all, 30, Sex::kFemale, {"pain.region", "f.z", "red.worse"}, {"red.flag"});
  const InterviewRun run = SimulateInterview(all, full, options_);
  const auto z = std::find_if(run.screens.begin(), run.screens.end(), [&](const auto& s) {
    return std::find(s.begin(), s.end(), Id("f.z")) != s.end();
  });
  ASSERT_NE(z, run.screens.end()) << run.stop_reason;
  ASSERT_NE(z + 1, run.screens.end()) << run.stop_reason;
  EXPECT_EQ(*(z + 1), std::vector<int>{Id("red.worse")});
}

// A follow-up narrows its parent: a person who has the follow-up's finding says yes to the parent,
// even where the case marks the parent absent (FORMAT.md's closed rewrite does), and so reaches it.
TEST_F(InterviewTest, APersonWithAFollowUpsFindingSaysYesToItsParent) {
  const KnowledgeBase all = TinyAskingEverything();
  const Case closed =
      MakeCase(all, 30, Sex::kFemale, {"pain.region", "red.worse"}, {"red.flag", "f.z"});
  EXPECT_EQ(PersonAnswer(all, closed, Id("f.z")), Answer::kPresent);
  EXPECT_EQ(PersonAnswer(all, closed, Id("red.flag")), Answer::kAbsent);
  EXPECT_EQ(PersonAnswer(all, closed, Id("f.x")), Answer::kUnknown);
  const InterviewRun run = SimulateInterview(all, closed, options_);
  const std::vector<int> asked = run.Asked();
  EXPECT_NE(std::find(asked.begin(), asked.end(), Id("red.worse")), asked.end()) << run.stop_reason;
  EXPECT_EQ(run.answers.answers[static_cast<std::size_t>(Id("f.z"))], Answer::kPresent);
  // Without the follow-up's finding the parent's own answer stands.
  const Case no = MakeCase(all, 30, Sex::kFemale, {"pain.region"}, {"red.flag", "f.z"});
  EXPECT_EQ(PersonAnswer(all, no, Id("f.z")), Answer::kAbsent);
}

TEST_F(InterviewTest, FollowUpIsAskableOnlyAfterAYesToItsParent) {
  EXPECT_FALSE(
      IsAskable(kb_, MakeCase(kb_, 30, Sex::kFemale, {}), Audience::kPatient, Id("red.worse")));
  EXPECT_FALSE(IsAskable(kb_, MakeCase(kb_, 30, Sex::kFemale, {}, {"f.z"}), Audience::kPatient,
                         Id("red.worse")));
  EXPECT_TRUE(IsAskable(kb_, MakeCase(kb_, 30, Sex::kFemale, {"f.z"}), Audience::kPatient,
                        Id("red.worse")));
}

TEST_F(InterviewTest, AYesCompletingAnEmergencyRuleStopsWithTheRankedCauses) {
  const Case full = MakeCase(kb_, 30, Sex::kFemale, {"pain.region", "red.flag", "f.x"});
  const InterviewRun run = SimulateInterview(kb_, full, options_);
  EXPECT_EQ(run.stop_reason, "emergency");
  ASSERT_EQ(run.screens.size(), 1u);
  EXPECT_EQ(run.screens[0], std::vector<int>{Id("red.flag")});
  EXPECT_EQ(run.Asked(), std::vector<int>{Id("red.flag")});
  const Assessment a = Assess(kb_, CaseView(run.answers), AssessOptions{});
  EXPECT_EQ(a.triage.level, Triage::kEmergency);
  EXPECT_EQ(a.triage.fired_rules, std::vector<int>{0});
  EXPECT_EQ(a.posterior.ranking.size(), kb_.conditions.size());
}

TEST_F(InterviewTest, NoClinicianScreenOrFindingForPatients) {
  const int exam = Id("exam.sign");
  const Screen& clinician = kb_.screens[static_cast<std::size_t>(ScreenIndex("clin_exam"))];
  const Case start = MakeCase(kb_, 30, Sex::kFemale, {"pain.region"});
  EXPECT_TRUE(AskableItems(kb_, start, Audience::kPatient, clinician).empty());
  EXPECT_EQ(AskableItems(kb_, start, Audience::kClinician, clinician), std::vector<int>{exam});
  EXPECT_FALSE(IsAskable(kb_, start, Audience::kPatient, exam));
  EXPECT_TRUE(IsAskable(kb_, start, Audience::kClinician, exam));
  for (std::size_t f = 0; f < kb_.findings.size(); ++f) {
    const Finding& finding = kb_.findings[f];
    EXPECT_EQ(IsAskable(kb_, start, Audience::kPatient, static_cast<int>(f)),
              !finding.clinician_only && finding.follow_up_of < 0 && finding.id != "pain.region")
        << finding.id;
  }
  // Everything but the examination answered: a patient has nothing left, a clinician the exam.
  const Case rest =
      MakeCase(kb_, 30, Sex::kFemale, {"pain.region", "f.x"},
               {"red.flag", "f.y", "f.z", "side.one_side", "side.both_sides", "side.midline"});
  const NextScreen patient = ChooseNextScreen(kb_, rest, 0, options_);
  EXPECT_EQ(patient.screen, -1);
  EXPECT_EQ(patient.stop_reason, "no_questions");
  options_.audience = Audience::kClinician;
  const NextScreen doctor = ChooseNextScreen(kb_, rest, 0, options_);
  EXPECT_EQ(doctor.screen, ScreenIndex("clin_exam"));
  EXPECT_EQ(doctor.items, std::vector<int>{exam});
  // Whole interviews: never the examination for a patient, the examination for a clinician.
  const KnowledgeBase all = TinyAskingEverything();
  const Case full =
      MakeCase(all, 30, Sex::kFemale, {"pain.region", "exam.sign", "f.x"}, {"red.flag", "f.y"});
  options_.audience = Audience::kPatient;
  const InterviewRun patient_run = SimulateInterview(all, full, options_);
  EXPECT_EQ(patient_run.stop_reason, "no_questions");
  for (int f : patient_run.Asked()) {
    EXPECT_FALSE(kb_.findings[static_cast<std::size_t>(f)].clinician_only)
        << kb_.findings[static_cast<std::size_t>(f)].id;
  }
  options_.audience = Audience::kClinician;
  const InterviewRun clinician_run = SimulateInterview(all, full, options_);
  const std::vector<int> asked = clinician_run.Asked();
  EXPECT_NE(std::find(asked.begin(), asked.end(), exam), asked.end()) << clinician_run.stop_reason;
  EXPECT_EQ(clinician_run.screens.size(), patient_run.screens.size() + 1);
}

// A clinician screen (test only) also holding f.y, a question for everyone: the screen, not only
// its findings, is kept from patients.
TEST(InterviewAudienceTest, AClinicianScreenIsNotShownToPatientsEvenForQuestionsForEveryone) {
  const KnowledgeBase kb = TinyWith([](nlohmann::json& json) {
    json["screens"][2]["items"] = {"f.x"};
    json["screens"][3]["items"] = {"exam.sign", "f.y"};
    json["interview"]["stop"]["min_screens"] = 6;
  });
  const int y = kb.FindingIndex("f.y"), exam = kb.FindingIndex("exam.sign");
  const Screen& clinician = kb.screens[static_cast<std::size_t>(ScreenOf(kb, "clin_exam"))];
  const Case start = MakeCase(kb, 30, Sex::kFemale, {"pain.region"});
  EXPECT_TRUE(IsAskable(kb, start, Audience::kPatient, y));
  EXPECT_TRUE(AskableItems(kb, start, Audience::kPatient, clinician).empty());
  EXPECT_EQ(AskableItems(kb, start, Audience::kClinician, clinician), (std::vector<int>{exam, y}));
  const Case full = MakeCase(kb, 30, Sex::kFemale, {"pain.region", "f.y"}, {"red.flag", "f.x"});
  const InterviewRun patient = SimulateInterview(kb, full, InterviewOptions{});
  const std::vector<int> asked = patient.Asked();
  EXPECT_EQ(std::find(asked.begin(), asked.end(), y), asked.end());
  EXPECT_EQ(patient.stop_reason, "no_questions");
  InterviewOptions options;
  options.audience = Audience::kClinician;
  const std::vector<int> clinician_asked = SimulateInterview(kb, full, options).Asked();
  EXPECT_NE(std::find(clinician_asked.begin(), clinician_asked.end(), y), clinician_asked.end());
}

TEST_F(InterviewTest, InClinicianModeTheExaminationSafetyCardsFollowTheOpenings) {
  const Case c = MakeCase(kb_, 30, Sex::kFemale, {"pain.region"}, {"red.flag"});
  options_.audience = Audience::kClinician;
  const NextScreen clinician = ChooseNextScreen(kb_, c, 1, options_);
  EXPECT_EQ(clinician.screen, ScreenIndex("clin_exam"));
  EXPECT_EQ(clinician.value, 0.0);  // fixed, not measured
  // The opening still comes first.
  EXPECT_EQ(
      ChooseNextScreen(kb_, MakeCase(kb_, 30, Sex::kFemale, {"pain.region"}), 0, options_).screen,
      ScreenIndex("opening"));
  options_.audience = Audience::kPatient;
  EXPECT_NE(ChooseNextScreen(kb_, c, 1, options_).screen, ScreenIndex("clin_exam"));
}

// ---- one test per stop reason, each failing without its branch ----------------------------------

TEST_F(InterviewTest, StopsAtTheScreenLimit) {
  // The opening screen and f.z are still to come, so only the limit stops the interview.
  options_.max_screens = 1;
  const Case full = MakeCase(kb_, 30, Sex::kFemale, {"pain.region", "f.z"}, {"red.flag", "f.x"});
  const InterviewRun run = SimulateInterview(kb_, full, options_);
  ASSERT_EQ(run.screens.size(), 1u);
  EXPECT_EQ(run.screens[0], std::vector<int>{Id("red.flag")});
  EXPECT_EQ(run.stop_reason, "screen_limit");
  const NextScreen next =
      ChooseNextScreen(kb_, MakeCase(kb_, 30, Sex::kFemale, {"pain.region"}), 1, options_);
  EXPECT_EQ(next.screen, -1);
  EXPECT_EQ(next.stop_reason, "screen_limit");
}

TEST_F(InterviewTest, StopsForAnEmergency) {
  // R1 already holds: nothing else is asked, not even the opening screen's other questions.
  const Case c = MakeCase(kb_, 30, Sex::kFemale, {"pain.region", "red.flag", "f.z"});
  const NextScreen next = ChooseNextScreen(kb_, c, 0, options_);
  EXPECT_EQ(next.screen, -1);
  EXPECT_EQ(next.stop_reason, "emergency");
  EXPECT_TRUE(next.items.empty());
}

TEST(InterviewConfirmationTest, AnEmergencyWaitsOnlyForAQuestionWhoseYesWouldUndoIt) {
  const KnowledgeBase kb = TinyWith(UnlessFy);
  const InterviewOptions options;
  const int fy = kb.FindingIndex("f.y");
  const Case pending = MakeCase(kb, 30, Sex::kFemale, {"pain.region", "red.flag"});
  const NextScreen confirm = ChooseNextScreen(kb, pending, 1, options);
  EXPECT_EQ(confirm.screen, kFollowUpScreen);
  EXPECT_TRUE(confirm.confirmation);
  EXPECT_EQ(confirm.items, std::vector<int>{fy});
  // Answered no, or "don't know": the emergency stands and the interview stops.
  const Case denied = MakeCase(kb, 30, Sex::kFemale, {"pain.region", "red.flag"}, {"f.y"});
  EXPECT_EQ(ChooseNextScreen(kb, denied, 2, options).stop_reason, "emergency");
  Case unknown = pending;
  unknown.dont_know[static_cast<std::size_t>(fy)] = true;
  EXPECT_EQ(ChooseNextScreen(kb, unknown, 2, options).stop_reason, "emergency");
  // Answered yes: no emergency rule holds and the interview goes on.
  const Case undone = MakeCase(kb, 30, Sex::kFemale, {"pain.region", "red.flag", "f.y"});
  const NextScreen on = ChooseNextScreen(kb, undone, 2, options);
  EXPECT_NE(on.stop_reason, "emergency");
  EXPECT_FALSE(on.confirmation);
  // At the screen limit the emergency stands unconfirmed.
  InterviewOptions capped;
  capped.max_screens = 1;
  EXPECT_EQ(ChooseNextScreen(kb, pending, 1, capped).stop_reason, "screen_limit");
  // A second emergency rule that holds whatever is asked stops at once.
  const KnowledgeBase two = TinyWith([](nlohmann::json& json) {
    UnlessFy(json);
    EmergencyOnFx(json);
  });
  const Case both = MakeCase(two, 30, Sex::kFemale, {"pain.region", "red.flag", "f.x"});
  EXPECT_EQ(ChooseNextScreen(two, both, 1, options).stop_reason, "emergency");
}

// cond_a leads with 0.92 (below stop.leading_probability 0.95) and the only screen left, f.z, can
// move neither the triage level nor the top three (there are only three conditions).
TEST_F(InterviewTest, StopsWhenNothingCanChange) {
  const Case c = MakeCase(kb_, 30, Sex::kFemale, {"pain.region", "f.x", "f.y"}, {"red.flag"});
  const ScreenLookahead lookahead(kb_, c, ScoringOptions{});
  ASSERT_LT(lookahead.leading_probability(), kb_.interview.stop_leading_probability);
  const NextScreen next = ChooseNextScreen(kb_, c, 1, options_);
  EXPECT_EQ(next.screen, -1);
  EXPECT_EQ(next.stop_reason, "nothing_to_change");
  // Before stop.min_screens screens have been shown the same answers do not stop it.
  const KnowledgeBase longer =
      TinyWith([](nlohmann::json& kb) { kb["interview"]["stop"]["min_screens"] = 3; });
  const NextScreen early = ChooseNextScreen(longer, c, 2, options_);
  EXPECT_EQ(early.screen, ScreenOf(longer, "safety_z"));
  EXPECT_EQ(ChooseNextScreen(longer, c, 3, options_).stop_reason, "nothing_to_change");
}

// A fourth condition cond_d (test only), rare, made likelier by f.w (screen diag_w): a yes to f.w
// brings it into the top three without changing the routine triage of the leading cond_a.
struct TopThreeMover {
  double w_default = 0.05;  // P(f.w) for conditions that do not list it
  double w_given_d = 0.9;   // P(f.w | cond_d)
  double d_prior = 0.002;
  double change_probability = 0.02;
  double emergency_probability = 0.01;
  bool midline_rule = false;
};

KnowledgeBase TinyWithTopThreeMover(const TopThreeMover& m) {
  return TinyWith([&](nlohmann::json& kb) {
    kb["findings"].push_back({{"id", "f.w"},
                              {"kind", "trigger"},
                              {"audience", "all"},
                              {"text",
                               {{"en", {{"patient", "W?"}, {"clinician", "W."}}},
                                {"es", {{"patient", "¿W?"}, {"clinician", "W."}}}}},
                              {"default", {{"p", m.w_default}, {"estimate", "test"}}}});
    nlohmann::json d = kb["conditions"][0];  // cond_a's shape
    d["id"] = "cond_d";
    d["icd10"] = "D00";
    d["prior"]["p"] = m.d_prior;
    d["likelihoods"] = {{"f.w", {{"p", m.w_given_d}, {"estimate", "test"}}}};
    kb["conditions"].push_back(d);
    nlohmann::json screen = kb["screens"][2];  // diag_xy's shape
    screen["id"] = "diag_w";
    screen["items"] = {"f.w"};
    kb["screens"].push_back(screen);
    SetStop(kb, "leading_probability", 0.9);
    SetStop(kb, "change_probability", m.change_probability);
    SetStop(kb, "emergency_probability", m.emergency_probability);
    if (m.midline_rule) testing::AddMidlineEmergencyRule(kb);
  });
}

// The greatest change, triage change and emergency probability over every screen left.
ScreenOutlook MaxOverScreens(const KnowledgeBase& kb, const Case& c) {
  const ScreenLookahead lookahead(kb, c, ScoringOptions{});
  ScreenOutlook max;
  for (const Screen& screen : kb.screens) {
    const std::vector<int> items = AskableItems(kb, c, Audience::kPatient, screen);
    if (items.empty()) continue;
    const ScreenOutlook o = lookahead.Evaluate(items);
    max.change_probability = std::max(max.change_probability, o.change_probability);
    max.triage_change_probability =
        std::max(max.triage_change_probability, o.triage_change_probability);
    max.emergency_probability = std::max(max.emergency_probability, o.emergency_probability);
  }
  return max;
}

TEST(InterviewConfidentTest, StopsWhenConfidentAndTheTriageCannotChange) {
  const KnowledgeBase kb = TinyWithTopThreeMover({});
  const Case c = MakeCase(kb, 30, Sex::kFemale, {"pain.region", "f.x"}, {"f.y", "red.flag", "f.z"});
  ASSERT_GE(ScreenLookahead(kb, c, ScoringOptions{}).leading_probability(),
            kb.interview.stop_leading_probability);
  // f.w could still change the top three, so "nothing_to_change" does not apply; it cannot change
  // the triage level.
  const ScreenOutlook max = MaxOverScreens(kb, c);
  ASSERT_GE(max.change_probability, kb.interview.stop_change_probability);
  ASSERT_EQ(max.triage_change_probability, 0.0);
  ASSERT_EQ(max.emergency_probability, 0.0);
  const NextScreen next = ChooseNextScreen(kb, c, 1, InterviewOptions{});
  EXPECT_EQ(next.screen, -1);
  EXPECT_EQ(next.stop_reason, "confident");
  // Less sure of the leading cause (f.x unknown), the interview goes on.
  const Case unsure = MakeCase(kb, 30, Sex::kFemale, {"pain.region"}, {"f.y", "red.flag", "f.z"});
  ASSERT_LT(ScreenLookahead(kb, unsure, ScoringOptions{}).leading_probability(),
            kb.interview.stop_leading_probability);
  EXPECT_NE(ChooseNextScreen(kb, unsure, 1, InterviewOptions{}).screen, -1);
}

TEST_F(InterviewTest, StopsWhenNoQuestionIsLeft) {
  // Everything a patient could be asked is answered or "don't know". With no screen shown yet the
  // other stop rules do not apply (stop.min_screens), so only this branch stops the interview.
  Case c = MakeCase(kb_, 30, Sex::kFemale, {"pain.region", "f.z"}, {"f.x", "red.worse"});
  for (const char* unsure : {"red.flag", "f.y"}) {
    c.dont_know[static_cast<std::size_t>(Id(unsure))] = true;
  }
  const NextScreen next = ChooseNextScreen(kb_, c, 0, options_);
  EXPECT_EQ(next.screen, -1);
  EXPECT_EQ(next.stop_reason, "no_questions");
  EXPECT_TRUE(next.items.empty());
}

// ---- the emergency guard
// -------------------------------------------------------------------------

// With R3, change_probability 0.2 is more than f.z's chance of completing it (about 0.1): without
// the guard the interview would stop as nothing can change.
KnowledgeBase TinyWithMidlineEmergency(bool rule) {
  return TinyWith([&](nlohmann::json& kb) {
    if (rule) testing::AddMidlineEmergencyRule(kb);
    SetStop(kb, "change_probability", 0.2);
  });
}

TEST(InterviewEmergencyGuardTest, DoesNotStopForNothingToChangeWhileAScreenCouldMakeAnEmergency) {
  const KnowledgeBase kb = TinyWithMidlineEmergency(true);
  const Case c =
      MakeCase(kb, 30, Sex::kFemale, {"pain.region", "side.midline", "f.x", "f.y"}, {"red.flag"});
  // Without the guard it would stop: no screen reaches the change threshold and the leading cause
  // is below stop.leading_probability...
  const ScreenOutlook max = MaxOverScreens(kb, c);
  ASSERT_LT(max.change_probability, kb.interview.stop_change_probability);
  ASSERT_LT(ScreenLookahead(kb, c, ScoringOptions{}).leading_probability(),
            kb.interview.stop_leading_probability);
  // ...but f.z could make it an emergency with a chance above stop.emergency_probability.
  ASSERT_GE(max.emergency_probability, kb.interview.stop_emergency_probability);
  const NextScreen next = ChooseNextScreen(kb, c, 4, InterviewOptions{});
  EXPECT_EQ(next.stop_reason, "");
  EXPECT_EQ(next.screen, ScreenOf(kb, "safety_z"));
  EXPECT_EQ(next.items, std::vector<int>{kb.FindingIndex("f.z")});
  // Without R3 the same answers stop.
  const KnowledgeBase plain = TinyWithMidlineEmergency(false);
  EXPECT_EQ(ChooseNextScreen(plain, c, 4, InterviewOptions{}).stop_reason, "nothing_to_change");
}

TEST(InterviewEmergencyGuardTest, DoesNotStopConfidentWhileAScreenCouldMakeAnEmergency) {
  // f.w could change the top three (so "nothing_to_change" does not apply) but not the triage,
  // f.z could complete R3 with a chance below the change threshold: "confident" would stop it.
  TopThreeMover m;
  m.w_default = 0.3;
  m.w_given_d = 0.99;
  m.d_prior = 0.007;
  m.change_probability = 0.2;
  m.midline_rule = true;
  const KnowledgeBase kb = TinyWithTopThreeMover(m);
  const Case c =
      MakeCase(kb, 30, Sex::kFemale, {"pain.region", "side.midline", "f.x"}, {"f.y", "red.flag"});
  ASSERT_GE(ScreenLookahead(kb, c, ScoringOptions{}).leading_probability(),
            kb.interview.stop_leading_probability);
  const ScreenOutlook max = MaxOverScreens(kb, c);
  ASSERT_GE(max.change_probability, kb.interview.stop_change_probability);
  ASSERT_LT(max.triage_change_probability, kb.interview.stop_change_probability);
  ASSERT_GE(max.emergency_probability, kb.interview.stop_emergency_probability);
  const NextScreen next = ChooseNextScreen(kb, c, 4, InterviewOptions{});
  EXPECT_EQ(next.stop_reason, "");
  EXPECT_NE(next.screen, -1);
  // With the guard set out of reach (0.5), the same answers stop for confidence.
  m.emergency_probability = 0.5;
  EXPECT_EQ(ChooseNextScreen(TinyWithTopThreeMover(m), c, 4, InterviewOptions{}).stop_reason,
            "confident");
}

// A safety card's ask_when (test only: safety_z for anyone aged 50 or over) takes it before a
// diagnostic screen worth more, and keeps the interview from stopping while it has a question.
TEST(InterviewAskWhenTest, ACardWhoseAskWhenHoldsComesFirstAndHoldsTheStop) {
  const KnowledgeBase kb = TinyWith([](nlohmann::json& json) {
    json["screens"][1]["ask_when"] = {{"age_at_least", 50}};
  });
  const KnowledgeBase plain = LoadTiny();
  const InterviewOptions options;
  // Stops for nothing to change without it (as StopsWhenNothingCanChange), at 30 and at 60.
  for (int age : {30, 60}) {
    const Case c = MakeCase(kb, age, Sex::kFemale, {"pain.region", "f.x", "f.y"}, {"red.flag"});
    ASSERT_EQ(ChooseNextScreen(plain, c, 1, options).stop_reason, "nothing_to_change") << age;
  }
  const Case older = MakeCase(kb, 60, Sex::kFemale, {"pain.region", "f.x", "f.y"}, {"red.flag"});
  const NextScreen held = ChooseNextScreen(kb, older, 1, options);
  EXPECT_EQ(held.stop_reason, "");
  EXPECT_EQ(held.screen, ScreenOf(kb, "safety_z"));
  const Case younger = MakeCase(kb, 30, Sex::kFemale, {"pain.region", "f.x", "f.y"}, {"red.flag"});
  EXPECT_EQ(ChooseNextScreen(kb, younger, 1, options).stop_reason, "nothing_to_change");
  // Chosen on value, diag_xy comes before safety_z; with ask_when holding, safety_z comes first.
  const Case open = MakeCase(kb, 60, Sex::kFemale, {"pain.region"}, {"red.flag"});
  ASSERT_EQ(ChooseNextScreen(plain, open, 1, options).screen, ScreenOf(kb, "diag_xy"));
  EXPECT_EQ(ChooseNextScreen(kb, open, 1, options).screen, ScreenOf(kb, "safety_z"));
  // Once answered, the card neither holds the stop nor comes again.
  Case answered = older;
  answered.answers[static_cast<std::size_t>(kb.FindingIndex("f.z"))] = Answer::kAbsent;
  EXPECT_NE(ChooseNextScreen(kb, answered, 2, options).screen, ScreenOf(kb, "safety_z"));
}

TEST(InterviewAskWhenTest, CardsWhoseAskWhenHoldsComeBeforeTheScreenLimit) {
  // A yes to f.x makes an emergency (R3), so diag_xy and the ask_when card both qualify for triage
  // first and compete on value, where diag_xy wins, until no more screens are left than such cards.
  const KnowledgeBase kb = TinyWith([](nlohmann::json& json) {
    json["screens"][1]["ask_when"] = {{"age_at_least", 50}};
    EmergencyOnFx(json);
  });
  const Case open = MakeCase(kb, 60, Sex::kFemale, {"pain.region"}, {"red.flag"});
  InterviewOptions options;
  const NextScreen roomy = ChooseNextScreen(kb, open, 1, options);
  ASSERT_EQ(roomy.screen, ScreenOf(kb, "diag_xy")) << roomy.stop_reason;
  options.max_screens = 2;  // one screen left, one card whose ask_when holds
  EXPECT_EQ(ChooseNextScreen(kb, open, 1, options).screen, ScreenOf(kb, "safety_z"));
  // Without ask_when holding (age 30), the last screen still goes on value.
  const Case younger = MakeCase(kb, 30, Sex::kFemale, {"pain.region"}, {"red.flag"});
  const NextScreen last = ChooseNextScreen(kb, younger, 1, options);
  EXPECT_NE(last.screen, ScreenOf(kb, "safety_z")) << last.stop_reason;
}

// ---- determinism, limits, "don't know"
// ------------------------------------------------------------

TEST_F(InterviewTest, SameAnswersAlwaysGiveTheSameNextScreen) {
  const Case c = MakeCase(kb_, 44, Sex::kMale, {"pain.region"}, {"red.flag"});
  const NextScreen first = ChooseNextScreen(kb_, c, 1, options_);
  ASSERT_GE(first.screen, 0) << first.stop_reason;
  const KnowledgeBase reloaded = LoadTiny();
  for (int i = 0; i < 5; ++i) {
    for (const KnowledgeBase* kb : {static_cast<const KnowledgeBase*>(&kb_), &reloaded}) {
      const NextScreen again = ChooseNextScreen(*kb, c, 1, options_);
      EXPECT_EQ(again.screen, first.screen);
      EXPECT_EQ(again.items, first.items);
      EXPECT_EQ(again.value, first.value);
      EXPECT_EQ(again.estimate, first.estimate);
      EXPECT_EQ(again.stop_reason, first.stop_reason);
    }
  }
  const Case full = MakeCase(kb_, 44, Sex::kMale, {"pain.region", "f.x"}, {"red.flag", "f.z"});
  const InterviewRun run = SimulateInterview(kb_, full, options_);
  const InterviewRun again = SimulateInterview(reloaded, full, options_);
  EXPECT_EQ(run.screens, again.screens);
  EXPECT_EQ(run.stop_reason, again.stop_reason);
}

TEST_F(InterviewTest, MaxScreensOptionCaps) {
  // Without a cap the interview shows three screens for this person (opening, diag_xy, safety_z).
  const Case full = MakeCase(kb_, 30, Sex::kFemale, {"pain.region", "f.y"}, {"red.flag", "f.x"});
  const InterviewRun open = SimulateInterview(kb_, full, options_);
  ASSERT_GE(open.screens.size(), 3u) << open.stop_reason;
  for (int cap = 0; cap < 3; ++cap) {
    options_.max_screens = cap;
    const InterviewRun run = SimulateInterview(kb_, full, options_);
    EXPECT_EQ(run.screens.size(), static_cast<std::size_t>(cap));
    EXPECT_EQ(run.stop_reason, "screen_limit");
    EXPECT_TRUE(std::equal(run.screens.begin(), run.screens.end(), open.screens.begin()));
  }
  // The knowledge base's own limit applies when it is the lower.
  options_.max_screens = 1000;
  const KnowledgeBase two =
      TinyWith([](nlohmann::json& kb) { kb["interview"]["max_screens"] = 2; });
  const InterviewRun run = SimulateInterview(two, full, options_);
  EXPECT_EQ(run.screens.size(), 2u);
  EXPECT_EQ(run.stop_reason, "screen_limit");
}

TEST_F(InterviewTest, DontKnowIsNotAskedAgainAndStaysUnknown) {
  const KnowledgeBase all = TinyAskingEverything();
  const Case full = MakeCase(all, 30, Sex::kFemale, {"pain.region"});
  const InterviewRun run = SimulateInterview(all, full, options_);
  std::vector<int> sorted = run.Asked();
  ASSERT_FALSE(sorted.empty());
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end());
  // Every question a patient can be asked came once; none of them twice.
  EXPECT_EQ(sorted, (std::vector<int>{Id("f.x"), Id("f.y"), Id("f.z"), Id("red.flag")}));
  for (int f : run.Asked()) {
    EXPECT_EQ(run.answers.answers[static_cast<std::size_t>(f)], Answer::kUnknown);
    EXPECT_TRUE(run.answers.dont_know[static_cast<std::size_t>(f)]);
  }
  EXPECT_EQ(run.stop_reason, "no_questions");
}

TEST_F(InterviewTest, ScreensHoldOnlyTheirAskableItemsInDataOrder) {
  const Screen& diag = kb_.screens[static_cast<std::size_t>(ScreenIndex("diag_xy"))];
  const Case none = MakeCase(kb_, 30, Sex::kFemale, {"pain.region"});
  EXPECT_EQ(AskableItems(kb_, none, Audience::kPatient, diag),
            (std::vector<int>{Id("f.x"), Id("f.y")}));
  const Case x = MakeCase(kb_, 30, Sex::kFemale, {"pain.region", "f.x"});
  EXPECT_EQ(AskableItems(kb_, x, Audience::kPatient, diag), std::vector<int>{Id("f.y")});
  Case both = x;
  both.dont_know[static_cast<std::size_t>(Id("f.y"))] = true;
  EXPECT_TRUE(AskableItems(kb_, both, Audience::kPatient, diag).empty());
}

}  // namespace
}  // namespace symcheck
