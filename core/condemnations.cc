// Condemnations without a parser: each cue occurrence is read with a few local patterns
// (active, passive, nominal, "accuse X of Z", "blame X for Z" / "blame Z on X", that-clauses,
// participial adjuncts) over the tokens of its sentence; its noun phrases are the Chunker's
// (chunker.h). All scans are bounded by the sentence and small windows, so the pass is linear
// in the text. CondemnationPass::Run is the pass; its steps live in core/condemnations/
// (pass.h lists the files).
#include "condemnations.h"

#include <vector>

#include "chunker.h"
#include "condemnations/pass.h"

namespace presslens {
namespace condemnations {

PRESSLENS_OUT_OF_LINE CondemnationPass::CondemnationPass(const CondemnationFinder::Tables& t,
                                                         Document* doc, const ChunkIndex& chunks,
                                                         CondemnationScratch* scratch)
    : Chunker(t.words, *doc, chunks), t_(t), out_(*doc), s_(*scratch) {
  SwapScratch();  // the arrays are plain members while the pass runs (one load less each)
  size_t n = doc_.tokens.size();
  quote_at_.assign(n, -1);
  int qi = 0;
  for (const QuoteSpan& q : doc_.quote_spans) {
    if (q.nested) continue;
    int index = qi++;
    if (index >= static_cast<int>(doc_.quotes.size())) continue;
    for (int k = q.first; k < q.last && k < (int)n; ++k) quote_at_[k] = index;
  }
}

PRESSLENS_OUT_OF_LINE void CondemnationPass::Run() {
  for (int i = 0; i < N(); ++i) {
    if (!Word(i)) continue;
    const CueFormRefs* refs = lex_.Find(H(i), L(i));
    if (!refs) continue;
    // Longer (multi-word) entries first, then verbs before nouns when both read.
    std::vector<CueFormRef>& order = order_;
    order.assign(refs->begin(), refs->end());
    // A stable insertion sort: a word has a few readings, and std::stable_sort allocates.
    for (size_t a = 1; a < order.size(); ++a) {
      const CueFormRef r = order[a];
      const size_t len = lex_.entry(r.entry).rest.size();
      size_t b = a;
      for (; b > 0 && lex_.entry(order[b - 1].entry).rest.size() < len; --b) order[b] = order[b - 1];
      order[b] = r;
    }
    for (const CueFormRef& r : order) {
      if (TryCue(i, r)) {
        i += static_cast<int>(lex_.entry(r.entry).rest.size());
        break;
      }
    }
  }
}

}  // namespace condemnations

CondemnationFinder::CondemnationFinder(const ChunkerLexicon& words) : tables_(new Tables(words)) {}
CondemnationFinder::~CondemnationFinder() = default;

std::shared_ptr<CondemnationScratch> CondemnationFinder::NewScratch() {
  return std::make_shared<CondemnationScratch>();
}

void CondemnationFinder::Run(Document* doc, const ChunkIndex& chunks,
                             CondemnationScratch* scratch) const {
  condemnations::CondemnationPass pass(*tables_, doc, chunks, scratch);
  pass.Run();
}

}  // namespace presslens
