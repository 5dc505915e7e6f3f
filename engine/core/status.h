// Errors as values: every fallible engine call returns a Result, never throws across its API.
#ifndef SYMCHECK_CORE_STATUS_H_
#define SYMCHECK_CORE_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace symcheck {

struct Error {
  std::string code;  // stable, machine-readable: invalid_json, invalid_case, unknown_finding, ...
  std::string message;  // one line for a person: names the file or field, the id and the problem
};

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : error_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return value_.has_value(); }
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const Error& error() const { return error_; }

 private:
  std::optional<T> value_;
  Error error_;
};

}  // namespace symcheck

#endif  // SYMCHECK_CORE_STATUS_H_
