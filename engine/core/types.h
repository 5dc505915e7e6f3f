// Small value types shared by the whole engine.
#ifndef SYMCHECK_CORE_TYPES_H_
#define SYMCHECK_CORE_TYPES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace symcheck {

/// Triage levels, least urgent first; the numeric order is the urgency order.
enum class Triage : int { kSelfCare = 0, kRoutine = 1, kUrgent = 2, kEmergency = 3 };
constexpr int kTriageLevels = 4;

enum class Sex : std::uint8_t { kFemale, kMale };
enum class Audience : std::uint8_t { kPatient, kClinician };

/// One finding's state in a case. Unknown covers "never asked" and "don't know".
enum class Answer : std::uint8_t { kUnknown, kPresent, kAbsent };

std::string_view TriageId(Triage level);
std::optional<Triage> ParseTriage(std::string_view id);
std::string_view SexId(Sex sex);
std::optional<Sex> ParseSex(std::string_view id);
std::string_view AudienceId(Audience audience);
std::optional<Audience> ParseAudience(std::string_view id);

/// Where a number comes from: cited sources, an estimate with its reason, or both (an estimate
/// anchored on a published figure).
struct Basis {
  std::vector<std::string> sources;
  std::string estimate;
  bool published() const { return !sources.empty() && estimate.empty(); }
};

}  // namespace symcheck

#endif  // SYMCHECK_CORE_TYPES_H_
