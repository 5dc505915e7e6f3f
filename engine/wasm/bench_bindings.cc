// The benchmark's own WebAssembly module (build/wasm/bench/symcheck-bench.mjs), never part of the
// page: the posterior alone, for callers that hold finding indices rather than JSON.
// scripts/bench.mjs compares it with bayesjs and hand-written JavaScript on the same tables, so it
// is built from the same core and io objects as the page's module.
#include <emscripten/bind.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/evidence.h"
#include "core/knowledge_base.h"
#include "core/scorer.h"
#include "io/kb_loader.h"
#include "io/request_json.h"

namespace {

using symcheck::KnowledgeBase;

class PosteriorBench {
 public:
  /// Loads the knowledge base from `[{"name", "text"}, ...]`; "" when it loaded, else the error.
  std::string Load(const std::string& documents_json) {
    auto documents = symcheck::ParseDocuments(documents_json);
    if (!documents.ok()) return documents.error().message;
    auto kb = symcheck::LoadKnowledgeBase(documents.value());
    if (!kb.ok()) return kb.error().message;
    kb_ = std::make_unique<KnowledgeBase>(std::move(kb).value());
    return "";
  }

  /// A buffer of `capacity` finding indices, as a byte offset into HEAP32: the caller writes the
  /// present indices, then the absent ones.
  std::uintptr_t Input(int capacity) {
    input_.assign(static_cast<std::size_t>(std::max(capacity, 0)), 0);
    return reinterpret_cast<std::uintptr_t>(input_.data());
  }

  /// The posterior for the indices in the input buffer: a byte offset into HEAPF64 of one
  /// probability per condition (data order), or 0 for an invalid index, count or age.
  std::uintptr_t At(int age, bool female, int n_present, int n_absent, bool damping) {
    if (!kb_ || n_present < 0 || n_absent < 0 ||
        static_cast<std::size_t>(n_present) + static_cast<std::size_t>(n_absent) > input_.size() ||
        age < kb_->MinAge() || age > kb_->MaxAge()) {
      return 0;
    }
    const auto n = static_cast<int>(kb_->findings.size());
    scratch_.age = age;
    scratch_.sex = female ? symcheck::Sex::kFemale : symcheck::Sex::kMale;
    scratch_.answers.assign(kb_->findings.size(), symcheck::Answer::kUnknown);
    scratch_.dont_know.assign(kb_->findings.size(), false);
    for (int i = 0; i < n_present + n_absent; ++i) {
      const int f = input_[static_cast<std::size_t>(i)];
      if (f < 0 || f >= n) return 0;
      scratch_.answers[static_cast<std::size_t>(f)] =
          i < n_present ? symcheck::Answer::kPresent : symcheck::Answer::kAbsent;
    }
    symcheck::ScoringOptions scoring;
    scoring.damp_dependent_findings = damping;
    symcheck::ScoreConditions(*kb_, symcheck::CaseView(scratch_), scoring, scores_);
    symcheck::Normalize(scores_, probability_);
    return reinterpret_cast<std::uintptr_t>(probability_.data());
  }

 private:
  std::unique_ptr<const KnowledgeBase> kb_;
  std::vector<int> input_;
  symcheck::Case scratch_;  // reused: no allocation per call
  std::vector<double> scores_;
  std::vector<double> probability_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(symcheck_bench_module) {
  emscripten::class_<PosteriorBench>("PosteriorBench")
      .constructor<>()
      .function("load", &PosteriorBench::Load)
      .function("input", &PosteriorBench::Input)
      .function("at", &PosteriorBench::At);
}
