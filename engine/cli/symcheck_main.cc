// symcheck: the command line of FORMAT.md (assess, interview) plus next and validate.
// Exit 0 on success, 2 on any bad input (with one line on stderr), 1 when validate finds problems.
#include <cstdio>
#include <exception>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "api/engine.h"
#include "cli/kb_files.h"
#include "io/json_writer.h"

namespace {

constexpr int kBadInput = 2;

constexpr const char* kUsage =
    "usage: symcheck assess CASE.json [--kb PATH] [--audience patient|clinician] [--no-damping]\n"
    "       symcheck interview CASE.json [--kb PATH] [--audience patient|clinician]\n"
    "                [--max-screens N]   (--max-questions N: the same)\n"
    "       symcheck next STATE.json [--kb PATH] [--audience patient|clinician]\n"
    "       symcheck validate [--kb PATH] [--vocabulary vocabulary.json]\n";

int BadInput(const std::string& message) {
  std::cerr << "symcheck: " << message << "\n";
  return kBadInput;
}

struct Arguments {
  std::string command;
  std::string input;
  std::string kb = symcheck::DefaultKnowledgeBasePath();
  std::string vocabulary;
  // The call options, as Engine's options JSON (OptionsJson); unset ones keep their defaults.
  std::optional<std::string> audience;
  std::optional<int> max_screens;
  bool no_damping = false;
};

std::string OptionsJson(const Arguments& args) {
  symcheck::JsonWriter w;
  w.BeginObject();
  if (args.audience) w.Key("audience").String(*args.audience);
  if (args.max_screens) w.Key("max_screens").Int(*args.max_screens);
  if (args.no_damping) w.Key("damping").Bool(false);
  w.EndObject();
  return w.Finish();
}

// Returns an error message, or "" when the arguments are fine.
std::string ParseArguments(int argc, char** argv, Arguments& args) {
  if (argc < 2) return "missing command";
  args.command = argv[1];
  if (args.command != "assess" && args.command != "interview" && args.command != "next" &&
      args.command != "validate") {
    return "unknown command \"" + args.command + "\"";
  }
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto value = [&](std::string& out) {
      if (i + 1 >= argc) return false;
      out = argv[++i];
      return true;
    };
    std::string v;
    if (arg == "--kb") {
      if (!value(args.kb)) return "--kb needs a path";
    } else if (arg == "--vocabulary") {
      if (!value(args.vocabulary)) return "--vocabulary needs a path";
    } else if (arg == "--audience") {
      if (!value(v)) return "--audience needs patient or clinician";
      args.audience = v;
    } else if (arg == "--max-screens" || arg == "--max-questions") {
      if (!value(v)) return arg + " needs a number";
      try {
        std::size_t used = 0;
        const int n = std::stoi(v, &used);
        if (used != v.size()) return arg + " needs a whole number, not \"" + v + "\"";
        args.max_screens = n;
      } catch (const std::exception&) {
        return arg + " needs a whole number, not \"" + v + "\"";
      }
    } else if (arg == "--no-damping") {
      args.no_damping = true;
    } else if (arg.rfind("--", 0) == 0) {
      return "unknown option " + arg;
    } else if (args.input.empty() && args.command != "validate") {
      args.input = arg;
    } else {
      return "unexpected argument \"" + arg + "\"";
    }
  }
  if (args.command != "validate" && args.input.empty()) return args.command + " needs a case file";
  return "";
}

// The lint through the API: the report on stdout, each problem on stderr (exit 1 if any).
int Validate(const symcheck::Engine& engine, const Arguments& args) {
  std::string vocabulary;
  if (!args.vocabulary.empty()) {
    auto text = symcheck::ReadTextFile(args.vocabulary);
    if (!text.ok()) return BadInput(text.error().message);
    vocabulary = std::move(text).value();
  }
  const symcheck::Response response = engine.Validate(vocabulary, args.vocabulary);
  if (response.json.empty()) return BadInput(response.error);
  std::cout << response.json;
  if (response.ok) return 0;
  std::istringstream problems(response.error);
  for (std::string problem; std::getline(problems, problem);) {
    std::cerr << "lint: " << problem << "\n";
  }
  return 1;
}

int Run(int argc, char** argv) {
  Arguments args;
  if (const std::string problem = ParseArguments(argc, argv, args); !problem.empty()) {
    std::cerr << kUsage;
    return BadInput(problem);
  }
  auto documents = symcheck::ReadKnowledgeBaseFiles(args.kb);
  if (!documents.ok()) return BadInput(documents.error().message);
  symcheck::Engine engine;
  if (const auto loaded = engine.Load(documents.value()); !loaded.ok) return BadInput(loaded.error);
  if (args.command == "validate") return Validate(engine, args);

  auto text = symcheck::ReadTextFile(args.input);
  if (!text.ok()) return BadInput(text.error().message);
  const std::string options = OptionsJson(args);
  symcheck::Response response;
  if (args.command == "assess") {
    response = engine.Assess(text.value(), options);
  } else if (args.command == "interview") {
    response = engine.Interview(text.value(), options);
  } else {
    response = engine.Next(text.value(), options);
  }
  if (!response.ok) return BadInput(args.input + ": " + response.error);
  std::cout << response.json;
  std::cout.flush();
  return std::cout ? 0 : BadInput("could not write the output");
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {  // never a crash: any surprise is still a clear exit 2
    return BadInput(std::string("internal error: ") + e.what());
  }
}
