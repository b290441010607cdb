// prune_syntax IN.bin OUT.bin [--tagger-weights N] [--upos-weights N] [--parser-weights N]
//              [--no-classes]
//
// Writes a syntax model (data/syntax-model.bin's format) keeping only the N largest weights of
// each of its three linear models (all when N is 0 or absent), without training again: the
// weights keep their codes, the smallest codes go first. --no-classes drops the word classes'
// table (for a model trained without them). Measures the accuracy/size curve of a trained
// model; pruning in the trainer (train_syntax --*-weights), which trains on after pruning,
// loses less.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "syntax/syntax_model.h"

namespace {

using presslens::syntax::ReadVarint;
using presslens::syntax::WriteVarint;

// Copies one LinearModel from b at *pos to out, keeping its `keep` largest weights by code
// level (ties at the threshold level all kept). False when malformed.
bool PruneModel(const std::string& b, size_t* pos, size_t keep, std::string* out) {
  uint64_t classes, bits, rows;
  if (!ReadVarint(b, pos, &classes) || !ReadVarint(b, pos, &bits)) return false;
  const std::string lohi = b.substr(*pos, 8);
  *pos += 8;
  if (!ReadVarint(b, pos, &rows)) return false;
  std::vector<uint64_t> bucket(rows);
  uint64_t at = 0;
  for (uint64_t r = 0; r < rows; ++r) {
    uint64_t d;
    if (!ReadVarint(b, pos, &d)) return false;
    at += d;
    bucket[r] = at;
  }
  const uint8_t* counts = reinterpret_cast<const uint8_t*>(b.data()) + *pos;
  *pos += rows;
  size_t entries = 0;
  for (uint64_t r = 0; r < rows; ++r) entries += counts[r];
  const uint8_t* cls = reinterpret_cast<const uint8_t*>(b.data()) + *pos;
  const uint8_t* codes = cls + entries;
  *pos += 2 * entries;
  if (*pos > b.size()) return false;
  // The lowest level kept: the largest level L with at least `keep` entries at L or above.
  int min_level = 0;
  if (keep > 0 && keep < entries) {
    std::vector<size_t> at_level(128, 0);
    for (size_t e = 0; e < entries; ++e) ++at_level[codes[e] & 127];
    size_t above = 0;
    for (int l = 127; l >= 0; --l) {
      above += at_level[l];
      if (above >= keep) {
        min_level = l;
        break;
      }
    }
  }
  std::string deltas, new_counts, new_cls, new_codes;
  uint64_t kept_rows = 0, last = 0;
  size_t e = 0;
  for (uint64_t r = 0; r < rows; ++r) {
    int count = 0;
    for (int j = 0; j < counts[r]; ++j, ++e) {
      if ((codes[e] & 127) < min_level) continue;
      new_cls.push_back(static_cast<char>(cls[e]));
      new_codes.push_back(static_cast<char>(codes[e]));
      ++count;
    }
    if (count == 0) continue;
    WriteVarint(bucket[r] - last, &deltas);
    last = bucket[r];
    new_counts.push_back(static_cast<char>(count));
    ++kept_rows;
  }
  WriteVarint(classes, out);
  WriteVarint(bits, out);
  out->append(lohi);
  WriteVarint(kept_rows, out);
  out->append(deltas);
  out->append(new_counts);
  out->append(new_cls);
  out->append(new_codes);
  std::fprintf(stderr, "prune_syntax: %zu of %zu weights kept\n", new_cls.size(), entries);
  return true;
}

bool SkipNames(const std::string& b, size_t* pos, bool varint_count) {
  uint64_t n;
  if (varint_count) {
    if (!ReadVarint(b, pos, &n)) return false;
  } else {
    if (*pos + 2 > b.size()) return false;
    n = static_cast<uint8_t>(b[*pos]) | static_cast<uint8_t>(b[*pos + 1]) << 8;
    *pos += 2;
  }
  for (uint64_t i = 0; i < n; ++i) {
    const size_t end = b.find('\0', *pos);
    if (end == std::string::npos) return false;
    *pos = end + 1;
  }
  if (varint_count) *pos += 2 * n;  // the word classes' two class bytes per word
  return *pos <= b.size();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: prune_syntax IN.bin OUT.bin [--tagger-weights N] [--upos-weights N] "
                         "[--parser-weights N] [--no-classes]\n");
    return 2;
  }
  size_t keep[3] = {0, 0, 0};
  bool no_classes = false;
  for (int a = 3; a < argc; ++a) {
    const std::string arg = argv[a];
    if (arg == "--no-classes") no_classes = true;
    else if (arg == "--tagger-weights" && a + 1 < argc) keep[0] = std::strtoul(argv[++a], nullptr, 10);
    else if (arg == "--upos-weights" && a + 1 < argc) keep[1] = std::strtoul(argv[++a], nullptr, 10);
    else if (arg == "--parser-weights" && a + 1 < argc) keep[2] = std::strtoul(argv[++a], nullptr, 10);
    else return std::fprintf(stderr, "prune_syntax: unknown argument %s\n", arg.c_str()), 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string b = ss.str();
  // Header: magic (6 bytes), beam, feature set, tags, labels, word classes.
  size_t pos = 8;
  if (b.compare(0, 6, "PLSYN3") != 0 || !SkipNames(b, &pos, false) || !SkipNames(b, &pos, false))
    return std::fprintf(stderr, "prune_syntax: %s is not a PLSYN3 model\n", argv[1]), 1;
  std::string out = b.substr(0, pos);
  const size_t classes_at = pos;
  if (!SkipNames(b, &pos, true)) return std::fprintf(stderr, "prune_syntax: bad word classes\n"), 1;
  if (no_classes) out.push_back('\0');
  else out.append(b, classes_at, pos - classes_at);
  for (int m = 0; m < 3; ++m)
    if (!PruneModel(b, &pos, keep[m], &out)) return std::fprintf(stderr, "prune_syntax: malformed model\n"), 1;
  std::ofstream o(argv[2], std::ios::binary);
  o.write(out.data(), static_cast<std::streamsize>(out.size()));
  return o ? 0 : 1;
}
