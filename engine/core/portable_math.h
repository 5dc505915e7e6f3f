// Deterministic exp and log built from IEEE-754 + - * / only.
//
// glibc (native) and musl (Emscripten) implement std::exp/std::log differently and may disagree in
// the last bit; the engine promises byte-identical output natively and in WebAssembly, so every
// transcendental function it uses comes from here. Build with -ffp-contract=off (see CMakeLists).
#ifndef SYMCHECK_CORE_PORTABLE_MATH_H_
#define SYMCHECK_CORE_PORTABLE_MATH_H_

namespace symcheck {

/// Natural logarithm of x > 0 (relative error about 1e-16). Returns -inf for 0.
double PortableLog(double x);

/// e^x (relative error about 1e-16); 0 below -745, +inf above 709.
double PortableExp(double x);

}  // namespace symcheck

#endif  // SYMCHECK_CORE_PORTABLE_MATH_H_
