// presslens_bench_native FILE [RUNS] [--split]: times Analyze + ToJson of the native core on
// FILE (the whole file as one text, or with --split each form-feed-separated article), RUNS
// times, and prints one JSON line with the seconds of each run.
// Process start-up and the Analyzer's construction are timed separately, so bench/bench.mjs
// compares the core itself with the wasm build on the same text.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "presslens/presslens.h"

namespace {

double Now() {
  using Clock = std::chrono::steady_clock;
  return std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: presslens_bench_native FILE [RUNS] [--split]\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "presslens_bench_native: %s: cannot open\n", argv[1]);
    return 1;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  const bool split = argc > 3 && std::string(argv[3]) == "--split";

  // Articles are separated by a form feed when --split (bench.mjs writes them that way).
  std::vector<std::string_view> parts;
  if (split) {
    std::string_view rest(text);
    while (!rest.empty()) {
      size_t ff = rest.find('\f');
      parts.push_back(rest.substr(0, ff));
      if (ff == std::string_view::npos) break;
      rest.remove_prefix(ff + 1);
    }
  } else {
    parts.push_back(text);
  }

  double t0 = Now();
  presslens::Analyzer analyzer;
  const double construct = Now() - t0;

  std::vector<double> seconds;
  size_t json_bytes = 0;
  for (int r = 0; r < runs; ++r) {
    json_bytes = 0;
    double start = Now();
    for (std::string_view part : parts) {
      std::string json = presslens::ToJson(analyzer.Analyze(part), part);
      json_bytes += json.size();
    }
    seconds.push_back(Now() - start);
  }
  std::printf("{\"bytes\":%zu,\"parts\":%zu,\"construct_s\":%.6f,\"json_bytes\":%zu,\"seconds\":[",
              text.size(), parts.size(), construct, json_bytes);
  for (size_t i = 0; i < seconds.size(); ++i) std::printf("%s%.6f", i ? "," : "", seconds[i]);
  std::printf("]}\n");
  return 0;
}
