#include "io/hazard_log.h"

#include <new>
#include <nlohmann/json.hpp>
#include <set>

#include "io/case_json.h"
#include "io/json_reader.h"

namespace symcheck {
namespace {

constexpr const char* kCode = "invalid_hazard_log";
const char* const kSeverities[] = {"catastrophic", "major", "considerable", "significant", "minor"};
const char* const kLikelihoods[] = {"very high", "high", "medium", "low", "very low"};
const char* const kStatuses[] = {"open", "closed", "transferred"};

template <std::size_t N>
std::string OneOf(const JsonNode& node, const char* const (&allowed)[N], const char* what) {
  std::string value = node.String();
  for (const char* a : allowed) {
    if (value == a) return value;
  }
  std::string list;
  for (const char* a : allowed) list += std::string(list.empty() ? "" : ", ") + a;
  node.Fail("unknown " + std::string(what) + " \"" + value + "\" (one of: " + list + ")");
}

std::vector<std::string> Strings(const JsonNode& node) {
  std::vector<std::string> out;
  if (node.Array().empty()) node.Fail("must list at least one");
  node.ForEach([&](const JsonNode& item, std::size_t) { out.push_back(item.String()); });
  return out;
}

HazardControl ReadControl(const JsonNode& node) {
  node.AllowOnly({"rule", "case", "screen", "setting", "note"});
  HazardControl control;
  control.pointer = node.pointer();
  int kinds = 0;
  if (node.Has("rule")) {
    control.rule = node.At("rule").String();
    ++kinds;
  }
  if (node.Has("screen")) {
    control.screen = node.At("screen").String();
    ++kinds;
  }
  if (node.Has("setting")) {
    control.setting = node.At("setting").String();
    ++kinds;
  }
  if (kinds != 1) node.Fail("a control names exactly one of \"rule\", \"screen\" or \"setting\"");
  if (node.Has("case")) control.case_id = node.At("case").String();
  if (node.Has("note")) control.note = node.At("note").String();
  if (control.rule.empty() && control.note.empty()) {
    node.Fail(
        "a screen or setting control needs a \"note\" saying what it does against the hazard");
  }
  return control;
}

}  // namespace

std::vector<int> ParseVersion(const std::string& text) {
  std::vector<int> version;
  int part = 0;
  bool digits = false;
  for (const char ch : text) {
    if (ch >= '0' && ch <= '9' && part < 100000) {
      part = part * 10 + (ch - '0');
      digits = true;
    } else if (ch == '.' && digits) {
      version.push_back(part);
      part = 0;
      digits = false;
    } else {
      return {};
    }
  }
  if (!digits) return {};
  version.push_back(part);
  return version;
}

Result<HazardLog> LoadHazardLog(const std::string& text, const std::string& name) {
  try {
    const nlohmann::json doc = ParseJsonText(text, name, kCode);
    const JsonNode top(doc, name, "", "", kCode);
    top.AllowOnly({"about", "hazards", "gaps"});
    if (top.Has("about")) (void)top.At("about").String();
    HazardLog log;
    log.file = name;
    std::set<std::string> ids;
    top.At("hazards").ForEach([&](const JsonNode& item, std::size_t) {
      item.AllowOnly({"id", "title", "level", "harm", "causes", "severity", "likelihood", "risk",
                      "controls", "residual", "status"});
      Hazard h;
      h.pointer = item.pointer();
      h.id = item.At("id").String();
      if (!ids.insert(h.id).second) item.At("id").Fail("duplicate hazard id \"" + h.id + "\"");
      const JsonNode node = item.WithContext("hazard " + h.id);
      h.title = node.At("title").String();
      const JsonNode level = node.At("level");
      const std::string level_id = level.String();
      if (level_id == "emergency") {
        h.level = Triage::kEmergency;
      } else if (level_id == "urgent") {
        h.level = Triage::kUrgent;
      } else {
        level.Fail("unknown level \"" + level_id + "\" (emergency or urgent)");
      }
      h.harm = node.At("harm").String();
      h.causes = Strings(node.At("causes"));
      h.severity = OneOf(node.At("severity"), kSeverities, "severity");
      h.likelihood = OneOf(node.At("likelihood"), kLikelihoods, "likelihood");
      h.risk = node.At("risk").String();
      const JsonNode controls = node.At("controls");
      if (controls.Array().empty()) controls.Fail("a hazard needs at least one control");
      controls.ForEach(
          [&](const JsonNode& c, std::size_t) { h.controls.push_back(ReadControl(c)); });
      h.residual = node.At("residual").String();
      h.status = OneOf(node.At("status"), kStatuses, "status");
      log.hazards.push_back(std::move(h));
    });
    if (top.Has("gaps")) {
      std::set<std::string> gap_rules;
      top.At("gaps").ForEach([&](const JsonNode& item, std::size_t) {
        item.AllowOnly({"rule", "hazard", "reason"});
        HazardGap gap;
        gap.pointer = item.pointer();
        gap.rule = item.At("rule").String();
        const JsonNode node = item.WithContext("gap " + gap.rule);
        if (!gap_rules.insert(gap.rule).second) node.At("rule").Fail("rule listed twice");
        gap.hazard = node.At("hazard").String();
        if (ids.count(gap.hazard) == 0) {
          node.At("hazard").Fail("hazard \"" + gap.hazard + "\" does not exist");
        }
        gap.reason = node.At("reason").String();
        log.gaps.push_back(std::move(gap));
      });
    }
    return log;
  } catch (const DataError& e) {
    return Error{e.code(), e.what()};
  } catch (const std::bad_alloc&) {
    return Error{kCode, name + ": the input is too large to process"};
  }
}

Result<HazardCase> ParseHazardCase(const KnowledgeBase& kb, const std::string& text,
                                   const std::string& name) {
  Result<ParsedCase> parsed = ParseCase(kb, text);
  if (!parsed.ok()) return Error{parsed.error().code, name + ": " + parsed.error().message};
  try {
    const nlohmann::json doc = ParseJsonText(text, name, "invalid_case");
    const JsonNode top(doc, name, "", "", "invalid_case");
    HazardCase c;
    c.file = name;
    c.id = top.At("id").String();
    c.answers = std::move(parsed).value().answers;
    if (top.Has("vocabulary")) {
      const JsonNode v = top.At("vocabulary");
      c.vocabulary = ParseVersion(v.String());
      if (c.vocabulary.empty()) v.Fail("not a vocabulary version such as \"1.2\"");
    }
    for (const char* key : {"present", "absent"}) {
      if (!top.Has(key)) continue;
      top.At(key).ForEach([&](const JsonNode& item, std::size_t) {
        const std::string id = item.String();
        if (id.rfind("exam.", 0) == 0 || id.rfind("lab.", 0) == 0) {
          c.lists_clinician_findings = true;
        }
      });
    }
    return c;
  } catch (const DataError& e) {
    return Error{e.code(), e.what()};
  }
}

}  // namespace symcheck
