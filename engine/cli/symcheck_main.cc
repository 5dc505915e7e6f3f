// symcheck: the command line of FORMAT.md (assess, interview) plus next and validate.
// Exit 0 on success, 2 on any bad input (with one line on stderr), 1 when validate finds problems.
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "api/engine.h"
#include "cli/kb_files.h"
#include "core/lint.h"
#include "io/json_reader.h"
#include "io/report_json.h"

namespace {

constexpr int kBadInput = 2;

constexpr const char* kUsage =
    "usage: symcheck assess CASE.json [--kb PATH] [--audience patient|clinician] [--no-damping]\n"
    "       symcheck interview CASE.json [--kb PATH] [--audience patient|clinician]\n"
    "                [--max-questions N] [--strategy adaptive|fixed]\n"
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
  nlohmann::json options = nlohmann::json::object();
};

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
      args.options["audience"] = v;
    } else if (arg == "--strategy") {
      if (!value(v)) return "--strategy needs adaptive or fixed";
      args.options["strategy"] = v;
    } else if (arg == "--max-questions") {
      if (!value(v)) return "--max-questions needs a number";
      try {
        std::size_t used = 0;
        const int n = std::stoi(v, &used);
        if (used != v.size()) return "--max-questions needs a whole number, not \"" + v + "\"";
        args.options["max_questions"] = n;
      } catch (const std::exception&) {
        return "--max-questions needs a whole number, not \"" + v + "\"";
      }
    } else if (arg == "--no-damping") {
      args.options["damping"] = false;
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

int Validate(const symcheck::Engine& engine, const Arguments& args) {
  std::vector<std::string> conditions;
  std::vector<std::string> findings;
  if (!args.vocabulary.empty()) {
    auto text = symcheck::ReadTextFile(args.vocabulary);
    if (!text.ok()) return BadInput(text.error().message);
    try {
      const auto vocab =
          symcheck::ParseJsonText(text.value(), args.vocabulary, "invalid_vocabulary");
      const symcheck::JsonNode top(vocab, args.vocabulary, "", "", "invalid_vocabulary");
      top.At("conditions").ForEach([&](const symcheck::JsonNode& item, std::size_t) {
        conditions.push_back(item.At("id").String());
      });
      top.At("findings").ForEach([&](const symcheck::JsonNode& item, std::size_t) {
        findings.push_back(item.At("id").String());
      });
    } catch (const symcheck::DataError& e) {
      return BadInput(e.what());
    }
  }
  const auto* kb = engine.knowledge_base();
  const symcheck::LintReport report = symcheck::Lint(*kb, conditions, findings);
  std::cout << symcheck::LintReportJson(*kb, report);
  for (const std::string& problem : report.problems) std::cerr << "lint: " << problem << "\n";
  return report.problems.empty() ? 0 : 1;
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
  const std::string options = args.options.dump();
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
