// The one file at the WebAssembly boundary: Embind exposes a long-lived Analyzer whose
// analyze() takes UTF-8 text the JavaScript layer wrote into the heap with
// TextEncoder.encodeInto (no std::string is copied across the boundary) and leaves the result
// in the heap in the compact layout of core/compact.h (offsets already UTF-16), which
// index.mjs turns into objects.
// No exception crosses into JavaScript: a failure leaves {"code", "message"} in lastError()
// and the analyzer stays usable.
#include <emscripten/bind.h>

#include <exception>
#include <new>
#include <string>
#include <string_view>

#include "compact.h"
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

  // Analyses the `length` bytes of UTF-8 at heap address `text`. Returns the heap address of
  // six uint32: address and count of the result's words, of its string lengths, and of its
  // strings' bytes (valid until the next call or clearResult()); 0 when it failed.
  uintptr_t analyze(uintptr_t text, size_t length) {
    error_.clear();
    try {
      std::string_view view(reinterpret_cast<const char*>(text), length);
      presslens::ToCompact(analyzer_.Analyze(view), view, &result_);
    } catch (const std::bad_alloc&) {
      error_ = ErrorJson("ERR_OUT_OF_MEMORY", "presslens ran out of memory analysing the text");
    } catch (const std::exception& e) {
      error_ = ErrorJson("ERR_INTERNAL", std::string("presslens internal error: ") + e.what());
    }
    if (!error_.empty()) {
      clearResult();
      return 0;
    }
    auto address = [](const void* p) { return static_cast<uint32_t>(reinterpret_cast<uintptr_t>(p)); };
    header_[0] = address(result_.words.data());
    header_[1] = static_cast<uint32_t>(result_.words.size());
    header_[2] = address(result_.lengths.data());
    header_[3] = static_cast<uint32_t>(result_.lengths.size());
    header_[4] = address(result_.strings.data());
    header_[5] = static_cast<uint32_t>(result_.strings.size());
    return reinterpret_cast<uintptr_t>(header_);
  }

  // {"code", "message"} of the last analyze() that failed.
  std::string lastError() const { return error_; }

  // Done with the last result. Its buffers are kept for the next call (no allocation per
  // article) unless a big text made them big: those are freed, not kept until the next call.
  void clearResult() {
    constexpr size_t kKeep = 256 * 1024;
    if (result_.words.capacity() * 4 + result_.lengths.capacity() * 4 + result_.strings.capacity() > kKeep)
      result_ = presslens::CompactResult();
  }

  // Messages about ignored options, one per line.
  std::string warnings() const {
    std::string out;
    for (const std::string& e : analyzer_.errors()) out += e + "\n";
    return out;
  }

 private:
  presslens::Analyzer analyzer_;
  presslens::CompactResult result_;
  uint32_t header_[6] = {};
  std::string error_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(presslens) {
  emscripten::class_<WasmAnalyzer>("Analyzer")
      .constructor<const std::string&>()
      .function("analyze", &WasmAnalyzer::analyze)
      .function("lastError", &WasmAnalyzer::lastError)
      .function("clearResult", &WasmAnalyzer::clearResult)
      .function("warnings", &WasmAnalyzer::warnings);
}
