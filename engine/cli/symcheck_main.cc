// symcheck: the command line of FORMAT.md (assess, interview) plus next, batch and validate.
// Exit 0 on success, 2 on any bad input (with one line on stderr), 1 when validate finds problems.
// witnesses prints the minimal presentations of the red-flag rules, one JSON line each, and the
// ways it dropped on stderr.
// batch answers every line of stdin (errors in a line are that line's answer) and exits 0.
#include <cstdio>
#include <cstdlib>
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
    "       symcheck batch [--kb PATH] [--audience patient|clinician] [--max-screens N]\n"
    "                < JSON lines {\"id\", \"mode\": assess|interview|next, \"case\", "
    "\"options\"}\n"
    "       symcheck witnesses [--kb PATH] [--level emergency|urgent]\n"
    "       symcheck validate [--kb PATH] [--vocabulary vocabulary.json]\n"
    "                [--hazards hazards.json] [--cases FOLDER]... [--no-hazards]\n"
    "   (validate checks the hazard log by default when --kb is not given: "
    "data/safety/hazards.json,\n"
    "    the cases of tests/cases/dev, written and audit, and tests/cases/vocabulary.json)\n";

int BadInput(const std::string& message) {
  std::cerr << "symcheck: " << message << "\n";
  return kBadInput;
}

struct Arguments {
  std::string command;
  std::string input;
  std::string kb = symcheck::DefaultKnowledgeBasePath();
  bool kb_given = false;
  std::string vocabulary;
  std::string hazards;
  std::vector<std::string> cases;
  bool no_hazards = false;
  std::string level;  // witnesses: only the rules of this triage level
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

bool TakesNoInput(const std::string& command) {
  return command == "validate" || command == "batch" || command == "witnesses";
}

// Returns an error message, or "" when the arguments are fine.
std::string ParseArguments(int argc, char** argv, Arguments& args) {
  if (argc < 2) return "missing command";
  args.command = argv[1];
  if (args.command != "assess" && args.command != "interview" && args.command != "next" &&
      args.command != "batch" && args.command != "witnesses" && args.command != "validate") {
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
      args.kb_given = true;
    } else if (arg == "--vocabulary") {
      if (!value(args.vocabulary)) return "--vocabulary needs a path";
    } else if (arg == "--hazards" && args.command == "validate") {
      if (!value(args.hazards)) return "--hazards needs a path";
    } else if (arg == "--cases" && args.command == "validate") {
      if (!value(v)) return "--cases needs a folder";
      args.cases.push_back(v);
    } else if (arg == "--no-hazards" && args.command == "validate") {
      args.no_hazards = true;
    } else if (arg == "--level") {
      if (!value(args.level)) return "--level needs a triage level";
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
    } else if (args.input.empty() && !TakesNoInput(args.command)) {
      args.input = arg;
    } else {
      return "unexpected argument \"" + arg + "\"";
    }
  }
  if (!TakesNoInput(args.command) && args.input.empty()) return args.command + " needs a case file";
  if (args.no_hazards && (!args.hazards.empty() || !args.cases.empty())) {
    return "--no-hazards cannot go with --hazards or --cases";
  }
  return "";
}

// The project's own knowledge base (no --kb, no $SYMCHECK_KB) is checked against its own hazard
// log by default; another knowledge base only when --hazards is given.
void HazardDefaults(Arguments& args) {
  const char* env = std::getenv("SYMCHECK_KB");
  const bool own_kb = !args.kb_given && (env == nullptr || *env == '\0');
  if (args.no_hazards || (args.hazards.empty() && !own_kb)) {
    args.cases.clear();
    return;
  }
  if (args.hazards.empty()) args.hazards = symcheck::ProjectPath("data/safety/hazards.json");
  if (args.cases.empty()) {
    for (const char* folder : {"dev", "written", "audit"}) {
      args.cases.push_back(symcheck::ProjectPath(std::string("tests/cases/") + folder));
    }
  }
  if (args.vocabulary.empty())
    args.vocabulary = symcheck::ProjectPath("tests/cases/vocabulary.json");
}

// The lint through the API: the report on stdout, each problem on stderr (exit 1 if any).
int Validate(const symcheck::Engine& engine, const Arguments& args) {
  std::string vocabulary;
  if (!args.vocabulary.empty()) {
    auto text = symcheck::ReadTextFile(args.vocabulary);
    if (!text.ok()) return BadInput(text.error().message);
    vocabulary = std::move(text).value();
  }
  symcheck::Engine::ValidateRequest request;
  request.vocabulary_json = std::move(vocabulary);
  request.vocabulary_name = args.vocabulary;
  if (!args.hazards.empty()) {
    auto log = symcheck::ReadTextFile(args.hazards);
    if (!log.ok()) return BadInput(log.error().message);
    request.hazards_json = std::move(log).value();
    request.hazards_name = args.hazards;
    for (const std::string& folder : args.cases) {
      auto documents = symcheck::ReadKnowledgeBaseFiles(folder);
      if (!documents.ok()) return BadInput(documents.error().message);
      for (auto& doc : documents.value()) request.cases.push_back(std::move(doc));
    }
  }
  const symcheck::Response response = engine.Validate(request);
  if (response.json.empty()) return BadInput(response.error);
  std::cout << response.json;
  std::cerr << response.notes;
  if (response.ok) return 0;
  std::istringstream problems(response.error);
  for (std::string problem; std::getline(problems, problem);) {
    std::cerr << "lint: " << problem << "\n";
  }
  return 1;
}

// The batch mode: one JSON line in, one JSON line out (Engine::BatchLine), until stdin ends. Each
// answer is flushed at once, so a caller may also hold a conversation with the process.
int Batch(const symcheck::Engine& engine, const Arguments& args) {
  const std::string options = OptionsJson(args);
  for (std::string line; std::getline(std::cin, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::cout << engine.BatchLine(line, options) << '\n';
    std::cout.flush();
    if (!std::cout) return BadInput("could not write the output");
  }
  return 0;
}

// The minimal presentations of the red-flag rules: JSON lines on stdout, dropped ways on stderr.
int Witnesses(const symcheck::Engine& engine, const Arguments& args) {
  const symcheck::Response response = engine.Witnesses(args.level);
  if (!response.ok) return BadInput(response.error);
  std::istringstream dropped(response.notes);
  for (std::string line; std::getline(dropped, line);) std::cerr << "dropped: " << line << "\n";
  std::cout << response.json;
  std::cout.flush();
  return std::cout ? 0 : BadInput("could not write the output");
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
  if (args.command == "validate") {
    HazardDefaults(args);
    return Validate(engine, args);
  }
  if (args.command == "batch") return Batch(engine, args);
  if (args.command == "witnesses") return Witnesses(engine, args);

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
