// The one file at the WebAssembly boundary: Embind exposes a long-lived Analyzer whose
// analyze() takes UTF-8 text the JavaScript layer wrote into the heap (TextEncoder.encodeInto
// is ~10x faster than passing a std::string) and hands the result back as one JSON text with
// UTF-16 offsets, left in the heap for TextDecoder. No exception crosses into JavaScript:
// failures come back as {"error": {"code", "message"}} and the analyzer stays usable.
#include <emscripten/bind.h>

#include <exception>
#include <new>
#include <string>
#include <string_view>

#include "presslens/presslens.h"

namespace {

std::string ErrorJson(const char* code, const std::string& message) {
  std::string m;
  for (char c : message) {
    if (c == '"' || c == '\\') m.push_back('\\');
    if (static_cast<unsigned char>(c) >= 0x20) m.push_back(c);
  }
  return std::string("{\"error\":{\"code\":\"") + code + "\",\"message\":\"" + m + "\"}}";
}

// Lexicon entries arrive as lines "TYPE\tNAME\tALIAS|ALIAS" (validated in JavaScript).
presslens::Options ParseOptions(const std::string& lexicon) {
  presslens::Options options;
  std::string_view rest(lexicon);
  while (!rest.empty()) {
    size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    size_t t1 = line.find('\t');
    if (t1 == std::string_view::npos) continue;
    size_t t2 = line.find('\t', t1 + 1);
    presslens::LexiconEntry e;
    e.type = std::string(line.substr(0, t1));
    e.name = std::string(line.substr(t1 + 1, t2 == std::string_view::npos ? t2 : t2 - t1 - 1));
    std::string_view aliases = t2 == std::string_view::npos ? "" : line.substr(t2 + 1);
    while (!aliases.empty()) {
      size_t bar = aliases.find('|');
      if (bar != 0) e.aliases.emplace_back(aliases.substr(0, bar));
      if (bar == std::string_view::npos) break;
      aliases.remove_prefix(bar + 1);
    }
    options.lexicon.push_back(std::move(e));
  }
  return options;
}

class WasmAnalyzer {
 public:
  explicit WasmAnalyzer(const std::string& lexicon) : analyzer_(ParseOptions(lexicon)) {}

  // Analyses the `length` bytes of UTF-8 at heap address `text` and keeps the result's JSON
  // until takeResult(); returns its length in bytes. The JSON is handed over as heap bytes for
  // TextDecoder: embind's string return copies it and scans it byte by byte in JavaScript.
  size_t analyze(uintptr_t text, size_t length) {
    try {
      std::string_view view(reinterpret_cast<const char*>(text), length);
      json_ = presslens::ToJson(analyzer_.Analyze(view), view);
    } catch (const std::bad_alloc&) {
      json_ = ErrorJson("ERR_OUT_OF_MEMORY", "presslens ran out of memory analysing the text");
    } catch (const std::exception& e) {
      json_ = ErrorJson("ERR_INTERNAL", std::string("presslens internal error: ") + e.what());
    }
    return json_.size();
  }

  // The heap address of the last result's JSON (valid until the next call).
  uintptr_t resultData() const { return reinterpret_cast<uintptr_t>(json_.data()); }

  // Frees the last result's JSON.
  void clearResult() { std::string().swap(json_); }

  // Messages about ignored options, one per line.
  std::string warnings() const {
    std::string out;
    for (const std::string& e : analyzer_.errors()) out += e + "\n";
    return out;
  }

 private:
  presslens::Analyzer analyzer_;
  std::string json_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(presslens) {
  emscripten::class_<WasmAnalyzer>("Analyzer")
      .constructor<const std::string&>()
      .function("analyze", &WasmAnalyzer::analyze)
      .function("resultData", &WasmAnalyzer::resultData)
      .function("clearResult", &WasmAnalyzer::clearResult)
      .function("warnings", &WasmAnalyzer::warnings);
}
