#include "syntax/clauses.h"

#include <algorithm>

#include "tokens.h"

namespace presslens {
namespace syntax {
namespace {

// "not", "n't" (with a straight or curly apostrophe), "never".
bool IsNegation(std::string_view w) {
  for (std::string_view n : {"not", "n't", "n\xE2\x80\x99t", "never"})
    if (EqualsIgnoreCase(w, n)) return true;
  return false;
}

}  // namespace

Clauses::Clauses(const Parse& parse) : p_(parse), children_(parse.size()) {
  for (int i = 0; i < p_.size(); ++i)
    if (p_.head(i) >= 0) children_[p_.head(i)].push_back(i);
}

bool Clauses::LabelIs(int word, std::string_view rel) const {
  const std::string_view d = p_.deprel(word);
  if (d == rel) return true;
  return rel.find(':') == std::string_view::npos && d.size() > rel.size() &&
         d.substr(0, rel.size()) == rel && d[rel.size()] == ':';
}

bool Clauses::Is(int word, std::string_view rel) const {
  return word >= 0 && word < p_.size() && LabelIs(word, rel);
}

std::vector<int> Clauses::Children(int head, std::string_view rel) const {
  std::vector<int> out;
  if (head < 0 || head >= p_.size()) return out;
  for (int c : children_[head])
    if (LabelIs(c, rel)) out.push_back(c);
  return out;
}

int Clauses::Child(int head, std::string_view rel) const {
  if (head < 0 || head >= p_.size()) return -1;
  for (int c : children_[head])
    if (LabelIs(c, rel)) return c;
  return -1;
}

Subject Clauses::SubjectOf(int predicate) const {
  Subject s;
  for (int v = predicate, steps = 0; v >= 0 && steps < p_.size(); ++steps) {
    int subj = Child(v, "nsubj");
    if (subj < 0) subj = Child(v, "csubj");
    const bool relative_pronoun = subj >= 0 && (p_.xpos(subj) == "WDT" || p_.xpos(subj) == "WP");
    if (subj >= 0 && !relative_pronoun) {
      s.word = subj;
      if (s.via == SubjectVia::kNone) s.via = SubjectVia::kDirect;
      s.passive = s.passive || (v == predicate && (Is(subj, "nsubj:pass") || Is(subj, "csubj:pass")));
      return s;
    }
    const int h = p_.head(v);
    if (Is(v, "acl:relcl") && h >= 0) {
      s.word = h;
      s.via = SubjectVia::kRelative;
      s.passive = v == predicate && (Is(subj, "nsubj:pass") || Child(v, "aux:pass") >= 0);
      return s;
    }
    if (Is(v, "acl") && h >= 0 && p_.upos(v) == "VERB") {
      s.word = h;
      if (s.via == SubjectVia::kNone) s.via = SubjectVia::kModified;
      s.passive = s.passive || (v == predicate && Passive(v));
      return s;
    }
    if (Is(v, "xcomp") && h >= 0) {
      if (s.via == SubjectVia::kNone) s.via = SubjectVia::kControl;
      const int obj = Child(h, "obj");
      if (obj >= 0) {
        s.word = obj;
        return s;
      }
      v = h;
      continue;
    }
    if (Is(v, "conj") && h >= 0) {
      if (s.via == SubjectVia::kNone) s.via = SubjectVia::kCoordinated;
      v = h;
      continue;
    }
    break;
  }
  return Subject();
}

std::vector<int> Clauses::Objects(int predicate) const {
  std::vector<int> out;
  for (int o : Children(predicate, "iobj")) out.push_back(o);
  for (int o : Children(predicate, "obj"))
    for (int c : Conjuncts(o)) out.push_back(c);
  return out;
}

int Clauses::Agent(int predicate) const { return Child(predicate, "obl:agent"); }

WordSpan Clauses::ComplementClause(int predicate) const {
  const int c = Child(predicate, "ccomp");
  if (c < 0) return WordSpan();
  WordSpan span = Phrase(c);
  for (int m : Children(c, "mark"))
    if (m == span.first) span.first = m + 1;
  while (span.first < span.last && p_.upos(span.first) == "PUNCT") ++span.first;
  return span;
}

bool Clauses::Passive(int predicate) const {
  if (Child(predicate, "nsubj:pass") >= 0 || Child(predicate, "csubj:pass") >= 0 ||
      Child(predicate, "aux:pass") >= 0)
    return true;
  return Is(predicate, "acl") && (Agent(predicate) >= 0 || p_.xpos(predicate) == "VBN");
}

bool Clauses::Negated(int predicate) const {
  if (predicate < 0) return false;
  std::vector<int> group = {predicate};
  for (int c : children_[predicate])
    if (LabelIs(c, "aux") || LabelIs(c, "cop")) group.push_back(c);
  for (int g : group) {
    for (int c : children_[g]) {
      if ((LabelIs(c, "advmod") || p_.deprel(c) == "neg") && IsNegation(p_.text[c])) return true;
      // "no longer": "longer" modified by the determiner "no".
      if (LabelIs(c, "advmod") && EqualsIgnoreCase(p_.text[c], "longer"))
        for (int d : children_[c])
          if (EqualsIgnoreCase(p_.text[d], "no")) return true;
    }
  }
  return false;
}

std::vector<int> Clauses::Modals(int predicate) const {
  std::vector<int> out;
  for (int c : Children(predicate, "aux"))
    if (p_.xpos(c) == "MD") out.push_back(c);
  return out;
}

std::vector<int> Clauses::Appositions(int noun) const { return Children(noun, "appos"); }

std::vector<int> Clauses::Conjuncts(int word) const {
  std::vector<int> out;
  if (word < 0 || word >= p_.size()) return out;
  out.push_back(word);
  for (int c : Children(word, "conj"))
    for (int d : Conjuncts(c)) out.push_back(d);
  std::sort(out.begin(), out.end());
  return out;
}

int Clauses::RelativeAntecedent(int predicate) const {
  return Is(predicate, "acl:relcl") ? p_.head(predicate) : -1;
}

bool Clauses::SetOffByComma(int word) const {
  for (int c : children_[word])
    if (c < word && LabelIs(c, "punct") && p_.text[c] == ",") return true;
  return false;
}

void Clauses::Extent(int head, bool core_only, int* first, int* last) const {
  *first = std::min(*first, head);
  *last = std::max(*last, head + 1);
  for (int c : children_[head]) {
    if (core_only && c > head && (LabelIs(c, "acl:relcl") || LabelIs(c, "appos") ||
                                  LabelIs(c, "conj") || LabelIs(c, "cc") ||
                                  LabelIs(c, "punct") || LabelIs(c, "parataxis") ||
                                  SetOffByComma(c)))
      continue;
    Extent(c, core_only, first, last);
  }
}

WordSpan Clauses::Phrase(int head, bool core_only) const {
  WordSpan span;
  if (head < 0 || head >= p_.size()) return span;
  int first = head, last = head + 1;
  Extent(head, core_only, &first, &last);
  while (first < last && first != head && p_.upos(first) == "PUNCT") ++first;
  while (last > first && last - 1 != head && p_.upos(last - 1) == "PUNCT") --last;
  span.first = first;
  span.last = last;
  return span;
}

}  // namespace syntax
}  // namespace presslens
