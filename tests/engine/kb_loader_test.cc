#include "io/kb_loader.h"

#include <gtest/gtest.h>

#include "io/case_json.h"
#include "test_util.h"

namespace symcheck {
namespace {

using testing::TinyDocuments;
using Json = nlohmann::json;

// Loads the tiny knowledge base after `edit` and returns the error message ("" if it loaded).
std::string LoadError(const std::function<void(Json&)>& edit) {
  Result<KnowledgeBase> kb = LoadKnowledgeBase(TinyDocuments(edit));
  return kb.ok() ? "" : kb.error().message;
}

TEST(KbLoaderTest, LoadsTheTinyKnowledgeBase) {
  Result<KnowledgeBase> kb = LoadKnowledgeBase(TinyDocuments());
  ASSERT_TRUE(kb.ok()) << kb.error().message;
  EXPECT_EQ(kb.value().conditions.size(), 3u);
  EXPECT_EQ(kb.value().findings.size(), 10u);
  EXPECT_EQ(kb.value().rules.size(), 2u);
  EXPECT_EQ(kb.value().FindingIndex("f.x"), 1);
  EXPECT_EQ(kb.value().ConditionIndex("cond_e"), 2);
  const std::vector<Screen>& screens = kb.value().screens;
  ASSERT_EQ(screens.size(), 4u);
  EXPECT_EQ(screens[0].id, "opening");
  EXPECT_EQ(screens[0].kind, ScreenKind::kOpening);
  EXPECT_EQ(screens[0].items, std::vector<int>{kb.value().FindingIndex("red.flag")});
  EXPECT_EQ(screens[1].kind, ScreenKind::kSafety);
  EXPECT_EQ(screens[2].kind, ScreenKind::kDiagnostic);
  EXPECT_EQ(screens[2].items,
            (std::vector<int>{kb.value().FindingIndex("f.x"), kb.value().FindingIndex("f.y")}));
  EXPECT_TRUE(screens[3].clinician_only);
  EXPECT_FALSE(screens[2].clinician_only);
  const InterviewSettings& interview = kb.value().interview;
  EXPECT_EQ(interview.max_screens, 6);
  EXPECT_EQ(interview.min_screens, 1);
  EXPECT_DOUBLE_EQ(interview.stop_emergency_probability, 0.01);
  EXPECT_DOUBLE_EQ(interview.top3_margin, 1.5);
}

TEST(KbLoaderTest, ProbabilityOutOfRangeNamesFilePathAndId) {
  EXPECT_EQ(LoadError([](Json& kb) { kb["conditions"][0]["likelihoods"]["f.x"]["p"] = 1.7; }),
            "tiny/conditions.json: /conditions/0/likelihoods/f.x/p: 1.7 is not a probability "
            "strictly between 0 and 1 (condition cond_a)");
}

TEST(KbLoaderTest, SelfCareCriteriaOnlyForRoutineConditions) {
  // cond_b defaults to self-care already: criteria that lower it would mean nothing.
  EXPECT_EQ(
      LoadError([](Json& kb) {
        kb["conditions"][1]["self_care_when"] = {{"when", {{"present", "f.y"}}},
                                                 {"estimate", "test"}};
      }),
      "tiny/conditions.json: /conditions/1/self_care_when: allowed only for a condition whose "
      "triage is routine (condition cond_b)");
}

TEST(KbLoaderTest, InformationTemperingExponentMustLieInZeroToOne) {
  const auto with_exponent = [](double exponent) {
    return LoadError([&](Json& kb) {
      kb["interview"]["information_tempering"] = {{"exponent", exponent}, {"estimate", "test"}};
    });
  };
  EXPECT_EQ(with_exponent(0.7), "");
  EXPECT_EQ(with_exponent(1.0), "");
  EXPECT_EQ(with_exponent(0.0),
            "tiny/interview.json: /interview/information_tempering/exponent: must lie in (0, 1]");
  EXPECT_NE(with_exponent(1.5), "");
}

// ---- screens (data/kb/screens.json) -------------------------------------------------------------

TEST(KbLoaderTest, ScreenOfMoreThanSixQuestionsIsRejected) {
  EXPECT_EQ(
      LoadError([](Json& kb) {
        Json screen = kb["screens"][2];
        screen["items"] = {
            "f.x", "f.y", "f.z", "red.flag", "side.one_side", "side.both_sides", "side.midline"};
        kb["screens"] = Json::array({screen});
      }),
      "tiny/screens.json: /screens/0/items: a screen holds 1 to 6 questions (screen diag_xy)");
  EXPECT_EQ(
      LoadError([](Json& kb) { kb["screens"][1]["items"] = Json::array(); }),
      "tiny/screens.json: /screens/1/items: a screen holds 1 to 6 questions (screen safety_z)");
}

TEST(KbLoaderTest, AskWhenIsASafetyCardsExpressionOverKnownFindings) {
  Result<KnowledgeBase> kb = LoadKnowledgeBase(TinyDocuments([](Json& json) {
    json["screens"][1]["ask_when"] = {{"age_at_least", 50}};
  }));
  ASSERT_TRUE(kb.ok()) << kb.error().message;
  EXPECT_GE(kb.value().screens[1].ask_when, 0);
  EXPECT_EQ(kb.value().screens[2].ask_when, -1);
  EXPECT_EQ(LoadError([](Json& kb) {
              kb["screens"][2]["ask_when"] = {{"age_at_least", 50}};
            }),
            "tiny/screens.json: /screens/2/ask_when: only a safety card has ask_when (screen "
            "diag_xy)");
  EXPECT_EQ(LoadError([](Json& kb) {
              kb["screens"][1]["ask_when"] = {{"present", "f.nope"}};
            }),
            "tiny/screens.json: /screens/1/ask_when/present: unknown finding id \"f.nope\" (screen "
            "safety_z)");
}

TEST(KbLoaderTest, FindingInTwoScreensIsRejected) {
  EXPECT_EQ(
      LoadError([](Json& kb) { kb["screens"][0]["items"].push_back("f.x"); }),
      "tiny/screens.json: /screens/2/items/0: f.x is already in screen opening (screen diag_xy)");
}

TEST(KbLoaderTest, DiagramFindingInAScreenIsRejected) {
  EXPECT_EQ(LoadError([](Json& kb) { kb["screens"][2]["items"].push_back("pain.region"); }),
            "tiny/screens.json: /screens/2/items/2: the body diagram records this finding; it is "
            "never asked (screen diag_xy)");
}

TEST(KbLoaderTest, FollowUpInAScreenIsRejected) {
  EXPECT_EQ(LoadError([](Json& kb) { kb["screens"][1]["items"].push_back("red.worse"); }),
            "tiny/screens.json: /screens/1/items/1: a follow-up is shown on the screen after its "
            "parent's yes, not in a screen (screen safety_z)");
}

TEST(KbLoaderTest, ClinicianOnlyFindingInAScreenForEveryoneIsRejected) {
  EXPECT_EQ(LoadError([](Json& kb) {
              kb["screens"][3]["audience"] = "all";  // clin_exam with exam.sign
            }),
            "tiny/screens.json: /screens/3/items/0: a clinician-only finding in a screen for "
            "everyone (screen clin_exam)");
}

TEST(KbLoaderTest, OpeningScreenAfterAnotherKindIsRejected) {
  EXPECT_EQ(LoadError([](Json& kb) { kb["screens"][2]["kind"] = "opening"; }),
            "tiny/screens.json: /screens/2/kind: opening screens come first, before any other "
            "(screen diag_xy)");
  EXPECT_EQ(LoadError([](Json& kb) { kb["screens"][0]["audience"] = "clinician"; }),
            "tiny/screens.json: /screens/0/audience: an opening screen is for everyone (screen "
            "opening)");
  EXPECT_EQ(LoadError([](Json& kb) { kb["screens"][1]["kind"] = "urgent"; }),
            "tiny/screens.json: /screens/1/kind: kind must be opening, safety or diagnostic "
            "(screen safety_z)");
}

TEST(KbLoaderTest, UnknownFindingInAScreenIsRejected) {
  EXPECT_EQ(LoadError([](Json& kb) { kb["screens"][2]["items"][1] = "f.nope"; }),
            "tiny/screens.json: /screens/2/items/1: unknown finding id \"f.nope\" (screen "
            "diag_xy)");
}

TEST(KbLoaderTest, DuplicateScreenIdIsRejected) {
  EXPECT_EQ(LoadError([](Json& kb) { kb["screens"][1]["id"] = "opening"; }),
            "tiny/screens.json: /screens/1/id: duplicate screen id \"opening\"");
}

TEST(KbLoaderTest, ScreensAndTheFollowUpStemAreRequired) {
  for (const char* section : {"screens", "follow_up_stem"}) {
    std::vector<Document> docs = TinyDocuments([&](Json& kb) { kb.erase(section); });
    Result<KnowledgeBase> kb = LoadKnowledgeBase(docs);
    ASSERT_FALSE(kb.ok());
    EXPECT_EQ(kb.error().message,
              "knowledge base: no file defines the section \"" + std::string(section) + "\"");
  }
  EXPECT_EQ(LoadError([](Json& kb) { kb["follow_up_stem"]["es"].erase("clinician"); }),
            "tiny/follow_up_stem.json: /follow_up_stem/es: missing required key \"clinician\"");
}

TEST(KbLoaderTest, MissingMaxScreensIsRejected) {
  EXPECT_EQ(LoadError([](Json& kb) { kb["interview"].erase("max_screens"); }),
            "tiny/interview.json: /interview: missing required key \"max_screens\"");
  EXPECT_EQ(LoadError([](Json& kb) { kb["interview"]["max_screens"] = 0; }),
            "tiny/interview.json: /interview/max_screens: must lie in 1..200");
}

TEST(KbLoaderTest, NewStopSettingsAreRequired) {
  EXPECT_EQ(LoadError([](Json& kb) { kb["interview"]["stop"].erase("min_screens"); }),
            "tiny/interview.json: /interview/stop: missing required key \"min_screens\"");
  EXPECT_EQ(LoadError([](Json& kb) { kb["interview"]["stop"].erase("emergency_probability"); }),
            "tiny/interview.json: /interview/stop: missing required key "
            "\"emergency_probability\"");
  EXPECT_EQ(LoadError([](Json& kb) { kb["interview"]["stop"]["top3_margin"]["ratio"] = 0.5; }),
            "tiny/interview.json: /interview/stop/top3_margin/ratio: a margin ratio is at least 1");
  EXPECT_EQ(LoadError([](Json& kb) { kb["interview"].erase("information_tempering"); }),
            "tiny/interview.json: /interview: missing required key \"information_tempering\"");
}

TEST(KbLoaderTest, SettingsOfTheOneQuestionInterviewAreRejected) {
  // Old data must not load with its settings silently ignored.
  EXPECT_EQ(LoadError([](Json& kb) { kb["interview"]["max_questions"] = 15; }),
            "tiny/interview.json: /interview/max_questions: unknown key \"max_questions\"");
  EXPECT_EQ(LoadError([](Json& kb) { kb["interview"]["stop"]["min_questions"] = 1; }),
            "tiny/interview.json: /interview/stop/min_questions: unknown key \"min_questions\"");
  EXPECT_EQ(LoadError([](Json& kb) { kb["findings"][4]["screen_within"] = 2; }),
            "tiny/findings.json: /findings/4/screen_within: unknown key \"screen_within\" "
            "(finding red.flag)");
}

TEST(KbLoaderTest, ZeroAndOneAreNotProbabilities) {
  EXPECT_NE(LoadError([](Json& kb) { kb["findings"][1]["default"]["p"] = 0; }), "");
  EXPECT_NE(LoadError([](Json& kb) { kb["findings"][1]["default"]["p"] = 1; }), "");
}

TEST(KbLoaderTest, NumberWithoutBasisIsRejected) {
  EXPECT_EQ(LoadError([](Json& kb) { kb["conditions"][1]["prior"].erase("estimate"); }),
            "tiny/conditions.json: /conditions/1/prior: number has neither a \"source\" nor an "
            "\"estimate\" with its reason (condition cond_b)");
}

TEST(KbLoaderTest, UnknownSourceIdIsRejected) {
  EXPECT_EQ(LoadError([](Json& kb) { kb["findings"][1]["default"]["source"] = "nobody1999"; }),
            "tiny/findings.json: /findings/1/default/source: unknown source id \"nobody1999\" "
            "(finding f.x)");
}

TEST(KbLoaderTest, UnknownFindingInLikelihoodsIsRejected) {
  EXPECT_EQ(LoadError([](Json& kb) {
              kb["conditions"][0]["likelihoods"]["f.nope"] = {{"p", 0.5}, {"estimate", "x"}};
            }),
            "tiny/conditions.json: /conditions/0/likelihoods/f.nope: unknown finding id "
            "\"f.nope\" (condition cond_a)");
}

// Loads the tiny knowledge base with its first file's text replaced by `text` and expects the
// error to name that file as not valid JSON.
void ExpectNotValidJson(const std::string& text) {
  std::vector<Document> docs = TinyDocuments();
  docs[0].text = text;
  Result<KnowledgeBase> kb = LoadKnowledgeBase(docs);
  ASSERT_FALSE(kb.ok());
  EXPECT_EQ(kb.error().message.rfind(docs[0].name + ": not valid JSON", 0), 0u)
      << kb.error().message;
}

TEST(KbLoaderTest, NotJsonNamesTheFile) { ExpectNotValidJson("{\"conditions\": ["); }

TEST(KbLoaderTest, NumberTooLargeForADoubleIsAnErrorNotACrash) {
  // Found by fuzz_kb_load: nlohmann reports 9e899 as out_of_range, not as a parse_error.
  ExpectNotValidJson("9e899");
}

TEST(KbLoaderTest, HugeNumberInAMessageIsPrintedNotUndefined) {
  // Found by fuzz_kb_load (UBSan): quoting 7.8e105 in a message overflowed a conversion to long
  // long.
  EXPECT_EQ(LoadError([](Json& kb) { kb["conditions"][0]["likelihoods"]["f.x"]["p"] = 7.5e105; }),
            "tiny/conditions.json: /conditions/0/likelihoods/f.x/p: 7.5e105 is not a probability "
            "strictly between 0 and 1 (condition cond_a)");
}

TEST(KbLoaderTest, EmptyFileIsRejected) {
  std::vector<Document> docs = TinyDocuments();
  docs[1].text = "  \n";
  Result<KnowledgeBase> kb = LoadKnowledgeBase(docs);
  ASSERT_FALSE(kb.ok());
  EXPECT_EQ(kb.error().message, docs[1].name + ": empty input, expected a JSON object");
}

TEST(KbLoaderTest, SectionDefinedTwiceIsRejected) {
  std::vector<Document> docs = TinyDocuments();
  docs.push_back({"tiny/extra.json", R"({"sources": []})"});
  Result<KnowledgeBase> kb = LoadKnowledgeBase(docs);
  ASSERT_FALSE(kb.ok());
  EXPECT_EQ(
      kb.error().message,
      "tiny/extra.json: /sources: section \"sources\" is already defined in tiny/sources.json");
}

TEST(KbLoaderTest, MissingSectionIsRejected) {
  std::vector<Document> docs = TinyDocuments([](Json& kb) { kb.erase("triage"); });
  Result<KnowledgeBase> kb = LoadKnowledgeBase(docs);
  ASSERT_FALSE(kb.ok());
  EXPECT_EQ(kb.error().message, "knowledge base: no file defines the section \"triage\"");
}

TEST(KbLoaderTest, UnknownKeyIsRejectedSoTyposCannotDropData) {
  EXPECT_EQ(LoadError([](Json& kb) { kb["conditions"][2]["prior"]["pp"] = 0.2; }),
            "tiny/conditions.json: /conditions/2/prior/pp: unknown key \"pp\" (condition cond_e)");
}

TEST(KbLoaderTest, WrongTypeIsRejected) {
  EXPECT_EQ(LoadError([](Json& kb) { kb["conditions"][0]["icd10"] = 12; }),
            "tiny/conditions.json: /conditions/0/icd10: expected a string, found number "
            "(condition cond_a)");
}

TEST(KbLoaderTest, DuplicateIdIsRejected) {
  EXPECT_EQ(LoadError([](Json& kb) { kb["findings"][2]["id"] = "f.x"; }),
            "tiny/findings.json: /findings/2/id: duplicate finding id \"f.x\"");
}

TEST(KbLoaderTest, DuplicateQuestionIsRejected) {
  EXPECT_EQ(LoadError([](Json& kb) { kb["findings"][2]["text"]["en"]["patient"] = "X?"; }),
            "tiny/findings.json: /findings/2/text/en/patient: the same question as finding f.x "
            "(finding f.y)");
}

TEST(KbLoaderTest, ReviewedEntryNeedsAReviewer) {
  EXPECT_EQ(LoadError([](Json& kb) { kb["conditions"][1]["review"]["reviewer"] = nullptr; }),
            "tiny/conditions.json: /conditions/1/review/reviewer: a reviewed entry needs the name "
            "of the clinician who reviewed it (condition cond_b)");
}

TEST(KbLoaderTest, ReviewDateMustBeIso) {
  EXPECT_NE(
      LoadError([](Json& kb) { kb["conditions"][0]["review"]["last_reviewed"] = "26/11/2026"; }),
      "");
}

TEST(KbLoaderTest, ExamFindingsAreClinicianOnly) {
  EXPECT_EQ(LoadError([](Json& kb) { kb["findings"][6]["audience"] = "all"; }),
            "tiny/findings.json: /findings/6/audience: exam.* and lab.* findings are for "
            "clinicians only (finding exam.sign)");
}

TEST(KbLoaderTest, TheWeightOfANoLiesInZeroToOneAndHasABasis) {
  EXPECT_EQ(
      LoadError([](Json& kb) { kb["model"]["no_answer_weight"]["weight"] = 1.5; }),
      "tiny/model.json: /model/no_answer_weight/weight: the weight of a \"no\" answer must lie "
      "in (0, 1]");
  EXPECT_EQ(
      LoadError([](Json& kb) { kb["model"]["no_answer_weight"]["weight"] = 0; }),
      "tiny/model.json: /model/no_answer_weight/weight: the weight of a \"no\" answer must lie "
      "in (0, 1]");
  EXPECT_NE(LoadError([](Json& kb) { kb["model"].erase("no_answer_weight"); }), "");
  EXPECT_NE(LoadError([](Json& kb) { kb["model"]["no_answer_weight"].erase("estimate"); }), "");
}

TEST(KbLoaderTest, AgeBandsMustCoverEveryAge) {
  EXPECT_EQ(LoadError([](Json& kb) { kb["model"]["age_bands"][1]["min"] = 70; }),
            "tiny/model.json: /model/age_bands/1/min: bands must follow each other in order "
            "without gaps: expected 65");
  EXPECT_EQ(LoadError([](Json& kb) { kb["model"]["age_bands"] = Json::array(); }),
            "tiny/model.json: /model/age_bands: no age bands");
}

// The age bands are the one place the ages a case may have are written: the case reader, the rule
// solver and the page (through the build's kb/manifest.json) all read them from there.
TEST(KbLoaderTest, TheAgeBandsSetTheAgesACaseMayHave) {
  const KnowledgeBase kb = testing::LoadTiny();
  EXPECT_EQ(kb.MinAge(), 12);
  EXPECT_EQ(kb.MaxAge(), 110);
  Result<KnowledgeBase> narrower = LoadKnowledgeBase(testing::TinyDocuments([](Json& json) {
    json["model"]["age_bands"].front()["min"] = 18;
    json["model"]["age_bands"].back()["max"] = 99;
  }));
  ASSERT_TRUE(narrower.ok()) << narrower.error().message;
  EXPECT_EQ(narrower.value().MinAge(), 18);
  EXPECT_EQ(narrower.value().MaxAge(), 99);
  Result<ParsedCase> young =
      ParseCase(narrower.value(), R"({"age": 17, "sex": "male", "present": [], "absent": []})");
  ASSERT_FALSE(young.ok());
  EXPECT_EQ(young.error().message, "case: /age: age 17 is outside 18 to 99");
}

TEST(KbLoaderTest, ConditionMustGiveEveryAgeBand) {
  EXPECT_EQ(LoadError([](Json& kb) { kb["conditions"][0]["age_factors"]["by_band"].erase("old"); }),
            "tiny/conditions.json: /conditions/0/age_factors/by_band: missing required key "
            "\"old\" (condition cond_a)");
}

TEST(KbLoaderTest, UnknownExpressionAndDefinitionAreRejected) {
  EXPECT_EQ(
      LoadError([](Json& kb) {
        kb["triage"]["red_flag_rules"][0]["when"] = {{"maybe", 1}};
      }),
      "tiny/triage.json: /triage/red_flag_rules/0/when: unknown expression \"maybe\" (rule R1)");
  EXPECT_EQ(LoadError([](Json& kb) {
              kb["triage"]["red_flag_rules"][1]["when"] = {{"ref", "nothing"}};
            }),
            "tiny/triage.json: /triage/red_flag_rules/1/when/ref: unknown definition \"nothing\" "
            "(rule R2)");
}

TEST(KbLoaderTest, SelfReferentialDefinitionIsRejected) {
  EXPECT_NE(LoadError([](Json& kb) {
              kb["triage"]["definitions"]["loop"] = {{"ref", "loop"}};
            }),
            "");
}

TEST(KbLoaderTest, RuleMustPointToAKnownCondition) {
  EXPECT_EQ(LoadError([](Json& kb) { kb["triage"]["red_flag_rules"][0]["points_to"] = "cond_q"; }),
            "tiny/triage.json: /triage/red_flag_rules/0/points_to: unknown condition id \"cond_q\" "
            "(rule R1)");
}

TEST(KbLoaderTest, FindingInTwoDependenceGroupsIsRejected) {
  EXPECT_NE(LoadError([](Json& kb) {
              kb["model"]["dependence_groups"] = Json::parse(
                  R"([{"id":"g1","findings":["f.x","f.y"],"damping":0.5,"estimate":"t"},
                      {"id":"g2","findings":["f.x","f.z"],"damping":0.5,"estimate":"t"}])");
            }),
            "");
}

TEST(KbLoaderTest, PagesMustCoverEveryCondition) {
  EXPECT_EQ(LoadError([](Json& kb) { kb["pages"] = Json::array(); }),
            "tiny/pages.json: /pages: no page for condition cond_a");
}

TEST(KbLoaderTest, HostileNestingIsRejectedNotACrash) {
  std::vector<Document> docs = TinyDocuments();
  docs[0].text = std::string(100000, '[') + std::string(100000, ']');
  Result<KnowledgeBase> kb = LoadKnowledgeBase(docs);
  ASSERT_FALSE(kb.ok());
  EXPECT_NE(kb.error().message.find("nested more than"), std::string::npos);
}

TEST(KbLoaderTest, LikelihoodRatiosArePrecomputedAgainstTheDefault) {
  const KnowledgeBase kb = testing::LoadTiny();
  const Likelihood& l = kb.conditions[0].likelihoods[1];  // cond_a, f.x: 0.8 vs default 0.2
  ASSERT_EQ(kb.findings[static_cast<std::size_t>(l.finding)].id, "f.x");
  EXPECT_NEAR(l.llr_present, std::log(4.0), 1e-15);
  EXPECT_NEAR(l.llr_absent, std::log(0.25), 1e-15);
}

}  // namespace
}  // namespace symcheck
