// The clause layer over a parse: what a rule asks about a predicate (its subject, objects,
// passive agent, reported clause, negation, modality) or about a noun (its appositions,
// conjuncts, phrase). Indices are word indices of the Parse; -1 means none.
#ifndef PRESSLENS_SYNTAX_CLAUSES_H_
#define PRESSLENS_SYNTAX_CLAUSES_H_

#include <string_view>
#include <vector>

#include "syntax/parse.h"

namespace presslens {
namespace syntax {

// A range of words [first, last).
struct WordSpan {
  int first = -1, last = -1;
  bool empty() const { return first >= last; }
};

// How a predicate's subject was found.
enum class SubjectVia {
  kNone,
  kDirect,       // its own nsubj, nsubj:pass, csubj ("Mendes told")
  kRelative,     // a relative clause's antecedent ("Farmers that oppose", "the man she met")
  kModified,     // the noun a participle modifies ("The budget, criticised by unions")
  kControl,      // the controller of an xcomp ("refused to condemn": the subject of refused)
  kCoordinated,  // shared with the first conjunct ("met and condemned")
};

struct Subject {
  int word = -1;
  SubjectVia via = SubjectVia::kNone;
  bool passive = false;  // the subject is the predicate's patient (nsubj:pass, a passive participle)
};

class Clauses {
 public:
  explicit Clauses(const Parse& parse);

  const Parse& parse() const { return p_; }
  // The children of `head` whose relation is `rel` (exactly, or its universal part when
  // `rel` has no subtype: "nsubj" matches "nsubj:pass" too), in order.
  std::vector<int> Children(int head, std::string_view rel) const;
  int Child(int head, std::string_view rel) const;  // the first of them, or -1
  bool Is(int word, std::string_view rel) const;     // same matching as Children

  // The subject of a predicate: its own, or through an xcomp, a conjunct, a relative clause
  // or a participle modifying a noun (see SubjectVia).
  Subject SubjectOf(int predicate) const;
  // Direct and indirect objects (obj, iobj), with their conjuncts.
  std::vector<int> Objects(int predicate) const;
  // The noun of a passive's "by" phrase (obl:agent), or -1.
  int Agent(int predicate) const;
  // The clause a predicate reports or takes as complement (its ccomp), without its
  // complementiser ("that", "whether", "if") and without punctuation at its edges; empty
  // when it has none.
  WordSpan ComplementClause(int predicate) const;
  // Whether the predicate is passive (nsubj:pass, aux:pass, or a participle modifying a noun
  // with a "by" agent or tagged VBN).
  bool Passive(int predicate) const;
  // Negation on the verb group: "not", "n't", "never", "no longer" modifying the predicate
  // or its copula / auxiliaries.
  bool Negated(int predicate) const;
  // The modal auxiliaries of the verb group ("could", "may", "would", "might", "should"...).
  std::vector<int> Modals(int predicate) const;

  // The appositions of a noun ("The chair, Ana Ruiz, ...": Ruiz for chair).
  std::vector<int> Appositions(int noun) const;
  // A word and its conjuncts ("the African Union and Nigeria": Union, Nigeria), in order.
  std::vector<int> Conjuncts(int word) const;
  // The noun a relative clause modifies, when `predicate` heads one (acl:relcl), else -1.
  int RelativeAntecedent(int predicate) const;
  // The words a head dominates, as one span, without punctuation at its edges; with
  // `core_only`, what follows the head as relative clause, apposition, conjunct or any
  // modifier set off by a comma ("The budget, criticised by unions,") is left out.
  WordSpan Phrase(int head, bool core_only = false) const;

 private:
  bool LabelIs(int word, std::string_view rel) const;
  bool SetOffByComma(int word) const;  // a dependent whose own first dependent is a comma
  void Extent(int head, bool core_only, int* first, int* last) const;
  const Parse& p_;
  std::vector<std::vector<int>> children_;
};

}  // namespace syntax
}  // namespace presslens

#endif  // PRESSLENS_SYNTAX_CLAUSES_H_
