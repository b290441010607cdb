// Reads CoNLL-U files (Universal Dependencies) for the syntax trainer and evaluator: the
// syntactic words of each sentence, without multiword-token lines ("1-2") and empty nodes
// ("8.1").
#ifndef PRESSLENS_TOOLS_CONLLU_H_
#define PRESSLENS_TOOLS_CONLLU_H_

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

struct ConlluSentence {
  std::vector<std::string> form, upos, xpos, deprel;
  std::vector<int> head;  // 0 = root, else 1-based
};

inline std::vector<ConlluSentence> ReadConllu(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot open %s\n", path.c_str());
    std::exit(1);
  }
  std::vector<ConlluSentence> out;
  ConlluSentence cur;
  std::string line;
  auto flush = [&] {
    if (!cur.form.empty()) out.push_back(std::move(cur));
    cur = ConlluSentence();
  };
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (line[0] == '#') continue;
    std::vector<std::string> f;
    size_t p = 0;
    while (f.size() < 10) {
      const size_t t = line.find('\t', p);
      f.push_back(line.substr(p, t == std::string::npos ? std::string::npos : t - p));
      if (t == std::string::npos) break;
      p = t + 1;
    }
    if (f.size() < 8 || f[0].find_first_of("-.") != std::string::npos) continue;
    cur.form.push_back(f[1]);
    cur.upos.push_back(f[3]);
    cur.xpos.push_back(f[4]);
    cur.head.push_back(std::atoi(f[6].c_str()));
    cur.deprel.push_back(f[7]);
  }
  flush();
  return out;
}

// The universal part of a relation ("nsubj:pass" -> "nsubj"): what LAS compares.
inline std::string UniversalRelation(const std::string& r) { return r.substr(0, r.find(':')); }

#endif  // PRESSLENS_TOOLS_CONLLU_H_
