// libFuzzer: any bytes as a case for assess, against the project's knowledge base.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  (void)symcheck::fuzz::ProjectEngine().Assess(text);
  return 0;
}
