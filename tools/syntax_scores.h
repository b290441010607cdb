// UPOS, UAS and LAS of a syntax model on CoNLL-U sentences, as the CoNLL 2018 shared task's
// scorer defines them on gold tokenization: every syntactic word counts (punctuation too); LAS
// compares the universal part of the relation.
#ifndef PRESSLENS_TOOLS_SYNTAX_SCORES_H_
#define PRESSLENS_TOOLS_SYNTAX_SCORES_H_

#include <ctime>
#include <string_view>
#include <vector>

#include "conllu.h"
#include "syntax/dependency_parser.h"
#include "syntax/pos_tagger.h"
#include "syntax/syntax_model.h"

// The thread's CPU time in seconds (what the timings below count: the machine is shared).
inline double CpuSeconds() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

struct SyntaxScores {
  long words = 0, upos = 0, uas = 0, las = 0;
  double tag_seconds = 0, parse_seconds = 0;  // CPU time: word features and tagging; parsing
  double Upos() const { return words ? static_cast<double>(upos) / words : 0; }
  double Uas() const { return words ? static_cast<double>(uas) / words : 0; }
  double Las() const { return words ? static_cast<double>(las) / words : 0; }
};

// `beam`: the parser's beam width (0: the model's).
inline SyntaxScores ScoreSyntax(const presslens::syntax::SyntaxModel& model,
                                const std::vector<ConlluSentence>& sentences, int beam = 0) {
  using namespace presslens::syntax;
  SyntaxScores r;
  SentenceWords w;
  std::vector<int> tags, upos;
  Tree tree;
  std::vector<std::string> universal(model.labels().size());
  for (size_t l = 0; l < universal.size(); ++l) universal[l] = UniversalRelation(model.labels()[l]);
  for (const ConlluSentence& s : sentences) {
    const std::vector<std::string_view> words(s.form.begin(), s.form.end());
    const double t0 = CpuSeconds();
    w.Compute(words, &model.classes());
    TagSentence(model, w, &tags, &upos);
    const double t1 = CpuSeconds();
    ParseTags(model, w, tags, &tree, beam);
    const double t2 = CpuSeconds();
    r.tag_seconds += t1 - t0;
    r.parse_seconds += t2 - t1;
    for (size_t i = 0; i < words.size(); ++i) {
      ++r.words;
      r.upos += model.upos()[upos[i]] == s.upos[i];
      if (tree.head[i] + 1 == s.head[i]) {
        ++r.uas;
        r.las += universal[tree.label[i]] == UniversalRelation(s.deprel[i]);
      }
    }
  }
  return r;
}

#endif  // PRESSLENS_TOOLS_SYNTAX_SCORES_H_
