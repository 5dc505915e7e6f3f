// Typed, path-aware reading of untrusted JSON. Every failure throws DataError with a message that
// names the file, the JSON Pointer and the id being read; the loaders catch it at their boundary
// and turn it into an Error value.
#ifndef SYMCHECK_IO_JSON_READER_H_
#define SYMCHECK_IO_JSON_READER_H_

#include <functional>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace symcheck {

class DataError : public std::runtime_error {
 public:
  DataError(std::string code, const std::string& message)
      : std::runtime_error(message), code_(std::move(code)) {}
  const std::string& code() const { return code_; }

 private:
  std::string code_;
};

/// A JSON value together with where it came from.
class JsonNode {
 public:
  JsonNode(const nlohmann::json& value, std::string file, std::string pointer, std::string context,
           std::string error_code);

  const nlohmann::json& json() const { return *value_; }
  const std::string& pointer() const { return pointer_; }

  /// The same node, with messages naming `context` (e.g. "condition piriformis_syndrome").
  JsonNode WithContext(std::string context) const;

  bool Has(const std::string& key) const;
  JsonNode At(const std::string& key) const;  // required member of an object
  JsonNode At(std::size_t index) const;

  const nlohmann::json::object_t& Object() const;
  const nlohmann::json::array_t& Array() const;
  std::string String() const;  // non-empty string
  double Number() const;       // finite number
  int Integer() const;         // whole number that fits an int
  bool Bool() const;
  double Probability() const;  // strictly between 0 and 1

  void ForEach(const std::function<void(const JsonNode&, std::size_t)>& visit) const;
  void ForEachMember(const std::function<void(const std::string&, const JsonNode&)>& visit) const;
  /// Fails on a member not in `allowed`: a misspelt key must not silently drop data.
  void AllowOnly(std::initializer_list<const char*> allowed) const;

  [[noreturn]] void Fail(const std::string& problem) const;

 private:
  JsonNode Child(const nlohmann::json& value, const std::string& token) const;
  std::string Describe() const;  // the value, shortened, for messages

  const nlohmann::json* value_;
  std::string file_;
  std::string pointer_;
  std::string context_;
  std::string error_code_;
};

/// Parses text as JSON, failing with a message that names `file` and the byte where parsing
/// stopped. Depth is limited so that hostile input cannot exhaust the stack.
nlohmann::json ParseJsonText(const std::string& text, const std::string& file,
                             const std::string& error_code);

}  // namespace symcheck

#endif  // SYMCHECK_IO_JSON_READER_H_
