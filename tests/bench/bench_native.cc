// Native timings for scripts/bench.mjs: the median time of Engine::Assess and Engine::Next per
// call over the given files, measured the way the WebAssembly side measures them (JSON in, JSON
// out through the same API), printed as one JSON object. With --next-only the files are interview
// states ({age, sex, present, absent, dont_know, screens}) and only Next, the page's call, is
// timed.
//
//   symcheck_bench KB_DIR FILE.json... [--repeat N] [--next-only]
#include <algorithm>
#include <chrono>
#include <iostream>
#include <string>
#include <vector>

#include "api/engine.h"
#include "cli/kb_files.h"

namespace {

double MedianMicroseconds(std::vector<double> samples) {
  std::sort(samples.begin(), samples.end());
  return samples[samples.size() / 2];
}

// Unmeasured rounds first, as scripts/bench.mjs does on the WebAssembly side (caches and, there,
// the JIT's tier-up).
constexpr int kWarmupRounds = 5;

template <typename Call>
double TimePerCall(const std::vector<std::string>& inputs, int repeat, const Call& call) {
  std::vector<double> samples;
  std::size_t sink = 0;
  for (int r = 0; r < kWarmupRounds; ++r) {
    for (const std::string& input : inputs) sink += call(input).json.size();
  }
  for (int r = 0; r < repeat; ++r) {
    for (const std::string& input : inputs) {
      const auto start = std::chrono::steady_clock::now();
      const symcheck::Response response = call(input);
      const auto stop = std::chrono::steady_clock::now();
      sink += response.json.size();
      samples.push_back(std::chrono::duration<double, std::micro>(stop - start).count());
    }
  }
  if (sink == 0) std::cerr << "no output\n";
  return MedianMicroseconds(samples);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: symcheck_bench KB_DIR FILE.json... [--repeat N] [--next-only]\n";
    return 2;
  }
  int repeat = 200;
  bool next_only = false;
  std::vector<std::string> cases;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::stoi(argv[++i]);
    } else if (arg == "--next-only") {
      next_only = true;
    } else {
      auto text = symcheck::ReadTextFile(arg);
      if (!text.ok()) {
        std::cerr << text.error().message << "\n";
        return 2;
      }
      cases.push_back(std::move(text).value());
    }
  }
  auto documents = symcheck::ReadKnowledgeBaseFiles(argv[1]);
  if (!documents.ok()) {
    std::cerr << documents.error().message << "\n";
    return 2;
  }
  symcheck::Engine engine;
  const auto load_start = std::chrono::steady_clock::now();
  if (const auto loaded = engine.Load(documents.value()); !loaded.ok) {
    std::cerr << loaded.error << "\n";
    return 2;
  }
  const double load_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - load_start)
          .count();
  if (next_only) {
    // Every reply must be a screen or a stop, not an error: a failed call would time nothing.
    for (const std::string& state : cases) {
      const symcheck::Response response = engine.Next(state);
      if (!response.ok) {
        std::cerr << response.error << "\n";
        return 2;
      }
    }
    const double next =
        TimePerCall(cases, repeat, [&](const std::string& c) { return engine.Next(c); });
    std::cout << "{\"load_ms\": " << load_ms << ", \"next_us\": " << next
              << ", \"calls\": " << cases.size() * static_cast<std::size_t>(repeat) << "}\n";
    return 0;
  }
  const double assess =
      TimePerCall(cases, repeat, [&](const std::string& c) { return engine.Assess(c); });
  const double next = TimePerCall(cases, std::max(1, repeat / 10),
                                  [&](const std::string& c) { return engine.Next(c); });
  std::cout << "{\"load_ms\": " << load_ms << ", \"assess_us\": " << assess
            << ", \"next_us\": " << next << ", \"calls\": " << cases.size() * repeat << "}\n";
  return 0;
}
