// Quotation marks paired into quotes (Document::quote_spans), with their kind.
#ifndef PRESSLENS_QUOTES_H_
#define PRESSLENS_QUOTES_H_

#include "document.h"

namespace presslens {

class QuoteFinder {
 public:
  QuoteFinder();
  // Needs tokens and sentences; fills doc->quote_spans and adds one Quote per outermost quote
  // to doc->result.quotes (kind decided, no speaker yet).
  void Run(Document* doc) const;
};

}  // namespace presslens

#endif  // PRESSLENS_QUOTES_H_
