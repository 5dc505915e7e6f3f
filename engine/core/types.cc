#include "core/types.h"

#include <array>

namespace symcheck {
namespace {
constexpr std::array<std::string_view, kTriageLevels> kTriageIds = {"self_care", "routine",
                                                                    "urgent", "emergency"};
}  // namespace

std::string_view TriageId(Triage level) { return kTriageIds[static_cast<std::size_t>(level)]; }

std::optional<Triage> ParseTriage(std::string_view id) {
  for (std::size_t i = 0; i < kTriageIds.size(); ++i) {
    if (kTriageIds[i] == id) return static_cast<Triage>(i);
  }
  return std::nullopt;
}

std::string_view SexId(Sex sex) { return sex == Sex::kFemale ? "female" : "male"; }

std::optional<Sex> ParseSex(std::string_view id) {
  if (id == "female") return Sex::kFemale;
  if (id == "male") return Sex::kMale;
  return std::nullopt;
}

std::string_view AudienceId(Audience audience) {
  return audience == Audience::kPatient ? "patient" : "clinician";
}

std::optional<Audience> ParseAudience(std::string_view id) {
  if (id == "patient") return Audience::kPatient;
  if (id == "clinician") return Audience::kClinician;
  return std::nullopt;
}

}  // namespace symcheck
