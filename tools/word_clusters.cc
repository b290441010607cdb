// word_clusters OUT.tsv [--classes N]... [--min-count N] [--iterations N]
//               [--conllu FILE]... [--conll FILE]... [--jsonl FILE]...
//
// Learns word classes from unlabeled text for the syntax layer's features: the exchange
// algorithm (Kneser & Ney 1993) over the two-sided predictive class bigram model (Uszkoreit &
// Brants 2008: a word predicts the class of the next word, and the class of the word before),
// run once per --classes (e.g. 32 and 256: a coarse and a fine partition). Words are read as
// the features read them (NormalizedForm: lower case, digits as 0); words seen fewer than
// --min-count times share one token. Text comes from CoNLL-U files (the form column), CoNLL
// 2003 files (the first column) and JSON lines with a "text" field (raw text, split into
// words here the way UD splits English). Deterministic: words visited in order of frequency,
// ties to the lower class.
//
// Writes "word<TAB>class...<TAB>count" per word seen at least --min-count times, most frequent
// first.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "syntax/syntax_model.h"

using presslens::syntax::NormalizedForm;

namespace {

std::vector<std::vector<std::string>> sentences;

void ReadColumn(const std::string& path, int column, bool conllu) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "word_clusters: cannot open %s\n", path.c_str());
    std::exit(1);
  }
  std::string line;
  std::vector<std::string> cur;
  auto flush = [&] {
    if (!cur.empty()) sentences.push_back(std::move(cur));
    cur.clear();
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (conllu && line[0] == '#') continue;
    if (!conllu && line.rfind("-DOCSTART-", 0) == 0) continue;
    std::vector<std::string> f;
    size_t p = 0;
    const char sep = conllu ? '\t' : ' ';
    for (;;) {
      const size_t t = line.find(sep, p);
      f.push_back(line.substr(p, t == std::string::npos ? std::string::npos : t - p));
      if (t == std::string::npos) break;
      p = t + 1;
    }
    if (static_cast<int>(f.size()) <= column) continue;
    if (conllu && f[0].find_first_of("-.") != std::string::npos) continue;
    cur.push_back(NormalizedForm(f[column]));
  }
  flush();
}

bool IsAbbreviation(const std::string& w) {
  static const char* kAbbr[] = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "inc", "co", "corp",
                                "ltd", "gov", "sen", "rep", "gen", "lt", "col", "sgt", "prof",
                                "vs", "etc", "no", "jan", "feb", "aug", "sept", "oct", "nov", "dec"};
  for (const char* a : kAbbr)
    if (w == a) return true;
  // Initials and dotted abbreviations: "u.s", "j".
  if (w.size() == 1 && w[0] >= 'a' && w[0] <= 'z') return true;
  return w.find('.') != std::string::npos;
}

// Splits normalised raw text into words: punctuation apart, clitics ('s n't 're 've 'll 'd 'm)
// apart, a final period kept on abbreviations.
void Tokenize(const std::string& text, std::vector<std::string>* out) {
  auto punct = [](char c) {
    return c == '"' || c == '\'' || c == '(' || c == ')' || c == '[' || c == ']' || c == '{' ||
           c == '}' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '.' ||
           c == '$' || c == '#' || c == '*';
  };
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    size_t j = i;
    while (j < text.size() && text[j] != ' ' && text[j] != '\t') ++j;
    std::string chunk = text.substr(i, j - i);
    i = j;
    // Dashes of two or more hyphens apart.
    std::vector<std::string> parts;
    for (size_t k = 0;;) {
      const size_t d = chunk.find("--", k);
      parts.push_back(chunk.substr(k, d == std::string::npos ? std::string::npos : d - k));
      if (d == std::string::npos) break;
      parts.push_back("--");
      k = d + 2;
      while (k < chunk.size() && chunk[k] == '-') ++k;
    }
    for (std::string w : parts) {
      std::vector<std::string> tail;
      size_t a = 0;
      while (a < w.size() && punct(w[a]) && w[a] != '.') out->push_back(std::string(1, w[a++]));
      w = w.substr(a);
      while (!w.empty() && punct(w.back())) {
        if (w.back() == '.') {
          if (w.size() >= 3 && w.compare(w.size() - 3, 3, "...") == 0) {
            tail.push_back("...");
            w.resize(w.size() - 3);
            continue;
          }
          if (IsAbbreviation(w.substr(0, w.size() - 1))) break;
        }
        tail.push_back(std::string(1, w.back()));
        w.pop_back();
      }
      static const char* kClitics[] = {"n't", "'s", "'re", "'ve", "'ll", "'d", "'m"};
      for (const char* c : kClitics) {
        const size_t len = std::char_traits<char>::length(c);
        if (w.size() > len && w.compare(w.size() - len, len, c) == 0) {
          tail.push_back(c);
          w.resize(w.size() - len);
          break;
        }
      }
      if (!w.empty()) out->push_back(w);
      for (size_t t = tail.size(); t-- > 0;) out->push_back(tail[t]);
    }
  }
}

// The "text" field of a JSON line, unescaped (\uXXXX as UTF-8, surrogate pairs joined).
std::string JsonText(const std::string& line) {
  const size_t key = line.find("\"text\": \"");
  if (key == std::string::npos) return "";
  std::string out;
  auto put = [&](uint32_t cp) {
    if (cp < 0x80) out.push_back(static_cast<char>(cp));
    else if (cp < 0x800) out.push_back(static_cast<char>(0xC0 | (cp >> 6))), out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
    }
  };
  for (size_t i = key + 9; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"') break;
    if (c != '\\' || i + 1 >= line.size()) {
      out.push_back(c);
      continue;
    }
    const char e = line[++i];
    if (e == 'n') out.push_back('\n');
    else if (e == 't' || e == 'r') out.push_back(' ');
    else if (e == 'u' && i + 4 < line.size()) {
      uint32_t cp = std::strtoul(line.substr(i + 1, 4).c_str(), nullptr, 16);
      i += 4;
      if (cp >= 0xD800 && cp < 0xDC00 && i + 6 < line.size() && line[i + 1] == '\\' && line[i + 2] == 'u') {
        const uint32_t lo = std::strtoul(line.substr(i + 3, 4).c_str(), nullptr, 16);
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        i += 6;
      }
      put(cp);
    } else {
      out.push_back(e);
    }
  }
  return out;
}

void ReadJsonl(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "word_clusters: cannot open %s\n", path.c_str());
    std::exit(1);
  }
  std::string line;
  while (std::getline(in, line)) {
    const std::string text = JsonText(line);
    size_t p = 0;
    for (;;) {  // a paragraph (line) is read as one sentence
      const size_t nl = text.find('\n', p);
      const std::string para = text.substr(p, nl == std::string::npos ? std::string::npos : nl - p);
      std::vector<std::string> words;
      Tokenize(NormalizedForm(para), &words);
      if (!words.empty()) sentences.push_back(std::move(words));
      if (nl == std::string::npos) break;
      p = nl + 1;
    }
  }
}

// x log x, tabulated for small counts.
std::vector<double> flog;
inline double F(int64_t x) {
  if (x < static_cast<int64_t>(flog.size())) return flog[x];
  return static_cast<double>(x) * std::log(static_cast<double>(x));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: word_clusters OUT.tsv [--classes N]... [--min-count N] [--iterations N] "
                         "[--conllu FILE]... [--conll FILE]... [--jsonl FILE]...\n");
    return 2;
  }
  std::vector<int> class_counts;
  int min_count = 3, iterations = 12;
  for (int a = 2; a < argc; ++a) {
    const std::string arg = argv[a];
    if (a + 1 >= argc) return std::fprintf(stderr, "word_clusters: %s needs a value\n", arg.c_str()), 2;
    if (arg == "--classes") class_counts.push_back(std::atoi(argv[++a]));
    else if (arg == "--min-count") min_count = std::atoi(argv[++a]);
    else if (arg == "--iterations") iterations = std::atoi(argv[++a]);
    else if (arg == "--conllu") ReadColumn(argv[++a], 1, true);
    else if (arg == "--conll") ReadColumn(argv[++a], 0, false);
    else if (arg == "--jsonl") ReadJsonl(argv[++a]);
    else return std::fprintf(stderr, "word_clusters: unknown argument %s\n", arg.c_str()), 2;
  }
  if (class_counts.empty()) class_counts = {32, 256};

  // The vocabulary: words by frequency (ties by spelling); rare words share the last id, the
  // sentence boundary has its own.
  std::unordered_map<std::string, int64_t> count;
  int64_t tokens = 0;
  for (const auto& s : sentences)
    for (const std::string& w : s) ++count[w], ++tokens;
  std::vector<std::pair<int64_t, std::string>> by_count;
  for (const auto& [w, c] : count)
    if (c >= min_count) by_count.emplace_back(-c, w);
  std::sort(by_count.begin(), by_count.end());
  std::unordered_map<std::string, int> id;
  for (size_t i = 0; i < by_count.size(); ++i) id[by_count[i].second] = static_cast<int>(i);
  const int boundary = static_cast<int>(by_count.size()), rare = boundary + 1, V = rare + 1;
  std::vector<int64_t> freq(V, 0);
  // Bigram counts as (prev, next) -> n, then as per-word lists of predecessors and successors.
  std::unordered_map<uint64_t, int64_t> bigram;
  for (const auto& s : sentences) {
    int prev = boundary;
    ++freq[boundary];
    for (size_t k = 0; k <= s.size(); ++k) {
      int cur = boundary;
      if (k < s.size()) {
        auto it = id.find(s[k]);
        cur = it == id.end() ? rare : it->second;
        ++freq[cur];
      }
      ++bigram[static_cast<uint64_t>(prev) << 32 | static_cast<uint32_t>(cur)];
      prev = cur;
    }
  }
  std::vector<std::vector<std::pair<int, int64_t>>> pred(V), succ(V);
  std::vector<std::pair<uint64_t, int64_t>> pairs(bigram.begin(), bigram.end());
  std::sort(pairs.begin(), pairs.end());
  for (const auto& [key, n] : pairs) {
    const int p = static_cast<int>(key >> 32), c = static_cast<int>(key & 0xffffffff);
    succ[p].emplace_back(c, n);
    pred[c].emplace_back(p, n);
  }
  std::fprintf(stderr, "word_clusters: %zu sentences, %lld tokens, %d word types (count >= %d), %zu bigram types\n",
               sentences.size(), static_cast<long long>(tokens), boundary, min_count, pairs.size());
  flog.resize(1 << 22);
  for (size_t x = 1; x < flog.size(); ++x) flog[x] = static_cast<double>(x) * std::log(static_cast<double>(x));

  std::vector<std::vector<int>> classes_of;
  for (int K : class_counts) {
    std::vector<int> cls(V);
    for (int v = 0; v < V; ++v) cls[v] = v % K;
    // NL[w * K + c]: how often a word of class c follows w; NR[u * K + c]: how often a word of
    // class c precedes u; N[c]: tokens of class c.
    std::vector<int64_t> NL(static_cast<size_t>(V) * K, 0), NR(static_cast<size_t>(V) * K, 0), N(K, 0);
    for (int v = 0; v < V; ++v) {
      N[cls[v]] += freq[v];
      for (const auto& [u, n] : succ[v]) NL[static_cast<size_t>(v) * K + cls[u]] += n, NR[static_cast<size_t>(u) * K + cls[v]] += n;
    }
    std::vector<double> gain(K);
    for (int it = 0; it < iterations; ++it) {
      int moved = 0;
      for (int v = 0; v < V; ++v) {
        const int a = cls[v];
        // Out of its class (into a virtual one: the counts below then exclude v) ...
        for (const auto& [w, n] : pred[v]) NL[static_cast<size_t>(w) * K + a] -= n;
        for (const auto& [u, n] : succ[v]) NR[static_cast<size_t>(u) * K + a] -= n;
        N[a] -= freq[v];
        // ... the gain of each class ...
        for (int b = 0; b < K; ++b) gain[b] = -2 * (F(N[b] + freq[v]) - F(N[b]));
        for (const auto& [w, n] : pred[v]) {
          const int64_t* row = &NL[static_cast<size_t>(w) * K];
          for (int b = 0; b < K; ++b) gain[b] += F(row[b] + n) - F(row[b]);
        }
        for (const auto& [u, n] : succ[v]) {
          const int64_t* row = &NR[static_cast<size_t>(u) * K];
          for (int b = 0; b < K; ++b) gain[b] += F(row[b] + n) - F(row[b]);
        }
        int best = a;
        for (int b = 0; b < K; ++b)
          if (gain[b] > gain[best] + 1e-9) best = b;
        // ... and into the best.
        for (const auto& [w, n] : pred[v]) NL[static_cast<size_t>(w) * K + best] += n;
        for (const auto& [u, n] : succ[v]) NR[static_cast<size_t>(u) * K + best] += n;
        N[best] += freq[v];
        if (best != a) ++moved, cls[v] = best;
      }
      double ll = 0;
      for (size_t i = 0; i < NL.size(); ++i) ll += F(NL[i]) + F(NR[i]);
      for (int c = 0; c < K; ++c) ll -= 2 * F(N[c]);
      std::fprintf(stderr, "  %d classes, iteration %d: %d words moved, objective %.6g\n", K, it + 1,
                   moved, ll / tokens);
      if (moved < V / 1000) break;
    }
    classes_of.push_back(cls);
  }
  std::ofstream out(argv[1]);
  for (int v = 0; v < boundary; ++v) {
    out << by_count[v].second;
    for (const auto& cls : classes_of) out << '\t' << cls[v];
    out << '\t' << freq[v] << '\n';
  }
  return out ? 0 : 1;
}
