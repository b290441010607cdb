// The driver of bench/heap-stages.mjs (built by it with em++, never by CMake): analyses FILE
// once as the package does (the text in a heap buffer of its exact size, the result made
// compact as wasm/bindings.cc makes it) after a warm-up call, and prints the wasm heap's size
// before and after. The stage lines come from the traced copy of core/analyzer.cc that
// heap-stages.mjs compiles beside this file.
#include <emscripten/heap.h>

#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "compact.h"
#include "presslens/presslens.h"

// Prints the heap's top and the bytes held (defined in the traced copy of core/analyzer.cc).
extern "C" void HeapTrace(const char* label);

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: heap-stages FILE\n");
    return 2;
  }
  presslens::Analyzer analyzer;
  presslens::CompactResult out;
  presslens::ToCompact(analyzer.Analyze("Mr. Smith said \"we agree\" in Paris."), "", &out);
  std::FILE* f = std::fopen(argv[1], "rb");
  if (!f) {
    std::fprintf(stderr, "heap-stages: cannot open %s\n", argv[1]);
    return 1;
  }
  std::fseek(f, 0, SEEK_END);
  const long n = std::ftell(f);
  std::fseek(f, 0, SEEK_SET);
  const size_t before = emscripten_get_heap_size();
  HeapTrace("start");
  char* text = static_cast<char*>(std::malloc(n));
  if (std::fread(text, 1, n, f) != static_cast<size_t>(n)) return 1;
  std::fclose(f);
  const std::string_view view(text, static_cast<size_t>(n));
  presslens::ToCompact(analyzer.Analyze(view), view, &out);
  const size_t after = emscripten_get_heap_size();
  std::printf("{\"bytes\":%ld,\"baseline\":%zu,\"heap\":%zu}\n", n, before, after);
  return 0;
}
