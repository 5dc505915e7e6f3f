// libFuzzer: the engine's whole JSON API. The first byte picks the call (assess, interview, next)
// and the audience; the rest, split at the first newline, is the case and the options.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t selector = data[0];
  std::string rest(reinterpret_cast<const char*>(data + 1), size - 1);
  std::string options = selector & 4 ? R"({"audience": "clinician"})" : "{}";
  if (const std::size_t newline = rest.find('\n'); newline != std::string::npos && (selector & 8)) {
    options = rest.substr(newline + 1);
    rest.resize(newline);
  }
  const symcheck::Engine& engine = symcheck::fuzz::ProjectEngine();
  switch (selector % 3) {
    case 0:
      (void)engine.Assess(rest, options);
      break;
    case 1:
      (void)engine.Interview(rest, options);
      break;
    default:
      (void)engine.Next(rest, options);
      break;
  }
  return 0;
}
