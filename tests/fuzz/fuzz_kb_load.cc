// libFuzzer: any bytes as a one-file knowledge base. Loading must end in a knowledge base or an
// error value; never a crash, a leak or a hang.
#include <cstddef>
#include <cstdint>
#include <string>

#include "api/engine.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  symcheck::Engine engine;
  const symcheck::Response loaded =
      engine.Load({{"fuzz.json", std::string(reinterpret_cast<const char*>(data), size)}});
  if (loaded.ok) {
    (void)engine.Assess(R"({"age": 40, "sex": "female", "present": []})");
    (void)engine.Next(R"({"age": 40, "sex": "female", "present": []})");
  }
  return 0;
}
