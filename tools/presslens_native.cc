// presslens_native FILE... : analyses each file (or stdin) with the native core and prints one
// JSON result per line (UTF-16 offsets, as the package gives). For evaluation and benchmarks.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "presslens/presslens.h"

int main(int argc, char** argv) {
  presslens::Analyzer analyzer;
  auto run = [&](const std::string& text) {
    std::string json = presslens::ToJson(analyzer.Analyze(text), text);
    std::fwrite(json.data(), 1, json.size(), stdout);
    std::fputc('\n', stdout);
  };
  if (argc < 2) {
    std::stringstream ss;
    ss << std::cin.rdbuf();
    run(ss.str());
    return 0;
  }
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "presslens_native: %s: cannot open\n", argv[i]);
      return 1;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    run(ss.str());
  }
  return 0;
}
