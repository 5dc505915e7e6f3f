#include "core/knowledge_base.h"

#include <algorithm>

#include "core/portable_math.h"

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

void FinalizeKnowledgeBase(KnowledgeBase& kb) {
  kb.finding_conditions.assign(kb.findings.size(), {});
  kb.finding_rules.assign(kb.findings.size(), {});
  kb.log_prior_table.clear();
  for (std::size_t c = 0; c < kb.conditions.size(); ++c) {
    Condition& condition = kb.conditions[c];
    for (std::size_t i = 0; i < condition.likelihoods.size(); ++i) {
      Likelihood& l = condition.likelihoods[i];
      const Finding& f = kb.findings[static_cast<std::size_t>(l.finding)];
      const double p = std::clamp(l.probability, kb.clamp_min, kb.clamp_max);
      const double d = std::clamp(f.default_rate, kb.clamp_min, kb.clamp_max);
      l.llr_present = PortableLog(p) - PortableLog(d);
      l.llr_absent = kb.no_answer_weight * (PortableLog(1.0 - p) - PortableLog(1.0 - d));
      kb.finding_conditions[static_cast<std::size_t>(l.finding)].push_back(
          {static_cast<int>(c), static_cast<int>(i)});
    }
  }
  for (const Condition& c : kb.conditions) {
    for (std::size_t band = 0; band < kb.age_bands.size(); ++band) {
      for (const double sex_factor : {c.female_factor, c.male_factor}) {
        kb.log_prior_table.push_back(PortableLog(c.prior * c.age_factors[band] * sex_factor));
      }
    }
  }
  for (std::size_t r = 0; r < kb.rules.size(); ++r) {
    for (int f : kb.rules[r].mentioned_findings) {
      kb.finding_rules[static_cast<std::size_t>(f)].push_back(static_cast<int>(r));
    }
  }
}

}  // namespace symcheck
