// Quotation marks paired into quotes (Document::quote_spans), with a first reading of each.
//
// Conventions handled: straight and curly, double and single marks, «guillemets», „low-high“;
// nesting (a ‘quote’ inside a “quote”: only the outermost is reported); quotes over several
// sentences; the newswire convention where a quote re-opens at each paragraph/sentence without
// closing the previous one (a `"` that starts a sentence always opens); unterminated quotes (end
// at the last token before the next opening mark or at the end of the line); ’ and ' used as
// apostrophes (Russia’s, Collins’, ’90s, 20's) rather than closing marks.
//
// One pass over the tokens with a stack of open marks: linear in the text size.
#ifndef PRESSLENS_QUOTES_H_
#define PRESSLENS_QUOTES_H_

#include "document.h"

namespace presslens {

class QuoteFinder {
 public:
  QuoteFinder();
  // Reads tokens and sentences; fills doc->quote_spans, sorted by start, nested ones flagged,
  // outermost ones with starts_clause (QuoteStartsClause). SpeakerFinder settles the kind.
  void Run(Document* doc) const;
};

// True when the quote starts an utterance of its own rather than continuing the reporter's
// sentence as a fragment: it opens its sentence (or line), or follows `:` or `that` with a
// clause (capital letter or pronoun subject). Speech verbs right before the mark are
// SpeakerFinder's business.
bool QuoteStartsClause(const Document& doc, const QuoteSpan& q);

}  // namespace presslens

#endif  // PRESSLENS_QUOTES_H_
