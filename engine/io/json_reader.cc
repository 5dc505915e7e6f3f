#include "io/json_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "io/json_writer.h"

namespace symcheck {
namespace {

constexpr int kMaxDepth = 64;  // knowledge bases nest 6 deep; hostile input may nest millions

// RFC 6901: "~" and "/" inside a key are escaped in a JSON Pointer.
std::string EscapePointerToken(const std::string& token) {
  std::string out;
  for (char ch : token) {
    if (ch == '~') {
      out += "~0";
    } else if (ch == '/') {
      out += "~1";
    } else {
      out += ch;
    }
  }
  return out;
}

// The deepest nesting of arrays and objects in `text`, brackets inside strings not counted. Checked
// before parsing, so hostile input cannot exhaust the stack (and no parser callback is needed).
int NestingDepth(const std::string& text) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (in_string) {
      if (ch == '\\') {
        ++i;
      } else if (ch == '"') {
        in_string = false;
      }
    } else if (ch == '"') {
      in_string = true;
    } else if (ch == '[' || ch == '{') {
      deepest = std::max(deepest, ++depth);
    } else if (ch == ']' || ch == '}') {
      --depth;
    }
  }
  return deepest;
}

std::string TypeName(const nlohmann::json& value) {
  if (value.is_number()) return "number";
  return value.type_name();
}

}  // namespace

JsonNode::JsonNode(const nlohmann::json& value, std::string file, std::string pointer,
                   std::string context, std::string error_code)
    : value_(&value),
      file_(std::move(file)),
      pointer_(std::move(pointer)),
      context_(std::move(context)),
      error_code_(std::move(error_code)) {}

JsonNode JsonNode::WithContext(std::string context) const {
  JsonNode copy = *this;
  copy.context_ = std::move(context);
  return copy;
}

JsonNode JsonNode::Child(const nlohmann::json& value, const std::string& token) const {
  return JsonNode(value, file_, pointer_ + "/" + EscapePointerToken(token), context_, error_code_);
}

void JsonNode::Fail(const std::string& problem) const {
  std::string message = file_;
  if (!message.empty()) message += ": ";
  message += pointer_.empty() ? "(top level)" : pointer_;
  message += ": " + problem;
  if (!context_.empty()) message += " (" + context_ + ")";
  throw DataError(error_code_, message);
}

std::string JsonNode::Describe() const {
  // Written by hand rather than with json::dump(), which would pull nlohmann's whole serializer
  // into the WebAssembly module for the sake of error messages.
  const nlohmann::json& v = *value_;
  std::string text;
  if (v.is_number_integer()) {
    text = v.is_number_unsigned() ? std::to_string(v.get<std::uint64_t>())
                                  : std::to_string(v.get<std::int64_t>());
  } else if (v.is_number_float()) {
    JsonWriter number;  // fixed notation, up to 9 decimals: enough to show which value is wrong
    number.Fixed(v.get<double>(), 9);
    text = number.Finish();
    text.pop_back();  // Finish() ends with a newline
  } else if (v.is_string()) {
    text = "\"" + v.get<std::string>() + "\"";
  } else if (v.is_boolean()) {
    text = v.get<bool>() ? "true" : "false";
  } else if (v.is_null()) {
    text = "null";
  } else {
    text = v.is_object() ? "an object" : "an array";
  }
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return text;
}

bool JsonNode::Has(const std::string& key) const {
  return value_->is_object() && value_->contains(key);
}

JsonNode JsonNode::At(const std::string& key) const {
  const auto& object = Object();
  const auto it = object.find(key);
  if (it == object.end()) Fail("missing required key \"" + key + "\"");
  return Child(it->second, key);
}

JsonNode JsonNode::At(std::size_t index) const {
  const auto& array = Array();
  if (index >= array.size()) Fail("has no item " + std::to_string(index));
  return Child(array[index], std::to_string(index));
}

const nlohmann::json::object_t& JsonNode::Object() const {
  if (!value_->is_object()) Fail("expected an object, found " + TypeName(*value_));
  return *value_->get_ptr<const nlohmann::json::object_t*>();
}

const nlohmann::json::array_t& JsonNode::Array() const {
  if (!value_->is_array()) Fail("expected an array, found " + TypeName(*value_));
  return *value_->get_ptr<const nlohmann::json::array_t*>();
}

std::string JsonNode::String() const {
  if (!value_->is_string()) Fail("expected a string, found " + TypeName(*value_));
  const auto& text = *value_->get_ptr<const std::string*>();
  if (text.empty()) Fail("must not be empty");
  return text;
}

double JsonNode::Number() const {
  if (!value_->is_number()) Fail("expected a number, found " + TypeName(*value_));
  const double number = value_->get<double>();
  if (!std::isfinite(number)) Fail(Describe() + " is not a finite number");
  return number;
}

int JsonNode::Integer() const {
  const double number = Number();
  if (number != std::floor(number) || number < std::numeric_limits<int>::min() ||
      number > std::numeric_limits<int>::max()) {
    Fail(Describe() + " is not a whole number");
  }
  return static_cast<int>(number);
}

bool JsonNode::Bool() const {
  if (!value_->is_boolean()) Fail("expected true or false, found " + TypeName(*value_));
  return value_->get<bool>();
}

double JsonNode::Probability() const {
  const double p = Number();
  if (!(p > 0.0 && p < 1.0)) Fail(Describe() + " is not a probability strictly between 0 and 1");
  return p;
}

void JsonNode::ForEach(const std::function<void(const JsonNode&, std::size_t)>& visit) const {
  const auto& array = Array();
  for (std::size_t i = 0; i < array.size(); ++i) visit(Child(array[i], std::to_string(i)), i);
}

void JsonNode::ForEachMember(
    const std::function<void(const std::string&, const JsonNode&)>& visit) const {
  for (const auto& [key, value] : Object()) visit(key, Child(value, key));
}

void JsonNode::AllowOnly(std::initializer_list<const char*> allowed) const {
  for (const auto& member : Object()) {
    bool known = false;
    for (const char* key : allowed) known = known || member.first == key;
    if (!known) Child(member.second, member.first).Fail("unknown key \"" + member.first + "\"");
  }
}

nlohmann::json ParseJsonText(const std::string& text, const std::string& file,
                             const std::string& error_code) {
  const std::string where = file.empty() ? "" : file + ": ";
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw DataError(error_code, where + "empty input, expected a JSON object");
  }
  if (NestingDepth(text) > kMaxDepth) {
    throw DataError(error_code,
                    where + "nested more than " + std::to_string(kMaxDepth) + " levels deep");
  }
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for 1e999
    // e.what() reads "[json.exception.parse_error.101] parse error at line 1, column 5: ...".
    const std::string detail = e.what();
    const std::size_t start = detail.find("] ");
    throw DataError(error_code,
                    where + "not valid JSON: " +
                        (start == std::string::npos ? detail : detail.substr(start + 2)));
  }
}

}  // namespace symcheck
