#include "core/knowledge_base.h"

namespace symcheck {

int KnowledgeBase::FindingIndex(const std::string& id) const {
  auto it = finding_index.find(id);
  return it == finding_index.end() ? -1 : it->second;
}

int KnowledgeBase::ConditionIndex(const std::string& id) const {
  auto it = condition_index.find(id);
  return it == condition_index.end() ? -1 : it->second;
}

int KnowledgeBase::AgeBandIndex(int age) const {
  for (std::size_t i = 0; i < age_bands.size(); ++i) {
    if (age >= age_bands[i].min_age && age <= age_bands[i].max_age) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace symcheck
