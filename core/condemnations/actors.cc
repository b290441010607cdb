// A phrase read as an actor: a pronoun (through the coreference pass and the quotes'
// speakers), a collective ("both sides"), coordinated or single mentions, a capitalised name,
// else its description. Reads mentions, entities, references and quotes.

#include <algorithm>
#include <string>
#include <vector>

#include "condemnations/pass.h"

namespace presslens {
namespace condemnations {

// The actor phrase p names (cue: the cue token, for the quote around it): a pronoun after a
// speech verb for the speaker just named, a pronoun, a collective, coordinated mentions, one
// mention, a capitalised name, else the description.
bool CondemnationPass::ResolveActor(Phrase p, int cue, Actor* out) const {
  if (p.empty()) return false;
  out->span = {doc_.tokens[p.first].start, doc_.tokens[p.last - 1].end};
  out->entity = -1;
  // "The Socialists said they opposed ...": the pronoun is the speaker just named.
  if (p.last - p.first == 1 && Is(words_.pronoun, p.first) && !Is(words_.first_person, p.first) &&
      L(p.first) != "you") {
    int lo = SentFirst(p.first);
    int k = p.first - 1;
    if (k >= lo && L(k) == "that") --k;
    while (k >= lo && Adverb(k)) --k;
    int t = k;
    // "said on Friday he ...": a time expression between the verb and the pronoun.
    if (t - 1 >= lo && Is(words_.time, t) && (L(t - 1) == "on" || L(t - 1) == "last")) t -= 2;
    if (t >= lo + 1 && Word(t) && !Cap(t) && Is(words_.speech, t)) {
      int j = t - 1;
      while (j >= lo && Adverb(j)) --j;
      Phrase speaker = SubjectBefore(j, lo);
      if (!speaker.empty() &&
          !(speaker.last - speaker.first == 1 && Is(words_.pronoun, speaker.first))) {
        Actor named;
        if (ResolveActor(speaker, cue, &named)) {
          out->entity = named.entity;
          out->name = named.name;
          return true;
        }
      }
    }
  }
  if (p.last - p.first == 1 &&
      (Is(words_.pronoun, p.first) || Is(t_.possessive_pronoun, p.first)))
    return ResolvePronoun(p.first, cue, out);
  if (ResolveCollective(p, out)) return true;
  // The head part: up to the first preposition or comma.
  int last = p.last;
  for (int k = p.first; k < p.last; ++k) {
    if ((Word(k) && Is(t_.head_end, k)) ||
        Punct(k, ",")) {
      last = k;
      break;
    }
  }
  // Mentions in the head part, joined by "and" when there are several.
  std::vector<int> ms;
  for (int k = p.first; k < last; ++k) {
    int m = mention_at_[k];
    if (m >= 0 && (ms.empty() || ms.back() != m) && doc_.mentions[m].entity >= 0) ms.push_back(m);
  }
  int head = last - 1;
  while (head > p.first && (Kind(head) == TokenKind::kQuote || Punct(head, "."))) --head;
  bool coordinated = false;
  for (int k = p.first; k < last; ++k) coordinated |= Is(t_.actor_and, k);
  if (ms.size() >= 2 && coordinated) {
    std::string name;
    std::vector<int> seen;
    for (int m : ms) {
      int e = doc_.mentions[m].entity;
      if (std::find(seen.begin(), seen.end(), e) != seen.end()) continue;
      seen.push_back(e);
      if (!name.empty()) name += " & ";
      name += doc_.entities[e].name;
      Actor& part = out->actors.emplace_back();
      part.entity = e;
      part.name = doc_.entities[e].name;
      part.span = {doc_.tokens[doc_.mentions[m].first].start,
                   doc_.tokens[doc_.mentions[m].last - 1].end};
    }
    out->name = name;
    return true;
  }
  if (!ms.empty()) {
    const Mention& mm = doc_.mentions[ms.back()];
    if (mm.last - 1 >= head) {
      out->entity = mm.entity;
      const Entity& e = doc_.entities[mm.entity];
      // A demonym stands for its country ("an Israeli complaint" -> Israel).
      bool adjective = p.last < N() && Word(p.last) && !Cap(p.last) && !Is(words_.stop, p.last);
      out->name = (mm.type == EntityType::kNorp && !e.country.empty() && adjective)
                      ? e.country
                      : e.name;
      return true;
    }
  }
  // No entity: a capitalised name at the head ("Freddy Pinas") or the description.
  // ("Top Belarus politician" has a lower-case head: a description.)
  if (Word(head) && Cap(head) && !Is(words_.det, head) && !Is(words_.stop, head)) {
    int s = head;
    while (s - 1 >= p.first && Word(s - 1) && Cap(s - 1) && !Is(words_.det, s - 1) &&
           !Is(words_.stop, s - 1))
      --s;
    out->name = std::string(doc_.SpanText(doc_.tokens[s].start, doc_.tokens[head].end));
    return true;
  }
  out->name = Describe({p.first, last});
  return true;
}

// The actor a pronoun (or possessive) at token i stands for: a first-person one inside a quote
// is the quote's speaker; he, she, it, they are the coreference pass's antecedent.
PRESSLENS_OUT_OF_LINE bool CondemnationPass::ResolvePronoun(int i, int cue, Actor* out) const {
  // A possessive stands for its pronoun ("its opposition" is it opposing).
  const std::string_view w = L(i);
  out->span = {doc_.tokens[i].start, doc_.tokens[i].end};
  if (words_.first_person->Has(w)) {
    int q = quote_at_[cue];
    if (q >= 0 && doc_.quotes[q].has_speaker) {
      const Actor& sp = doc_.quotes[q].speaker;
      out->entity = sp.entity;
      out->name = sp.name;
      return true;
    }
    out->entity = -1;
    out->name = std::string(doc_.TokenText(i));
    return true;
  }
  if (w == "you") return false;
  // he, she, it, they: the actor the coreference pass found, else the pronoun itself.
  const Reference* ref = doc_.ReferenceAt(i);
  out->entity = ref ? ref->entity : -1;
  out->name = out->entity >= 0 ? doc_.entities[out->entity].name
              : ref && ref->antecedent_first >= 0
                  ? Describe({ref->antecedent_first, ref->antecedent_last})
                  : std::string(doc_.TokenText(i));
  return true;
}

// "Both sides" after "Lavrov and Wang agreed": the last pair of actors joined by "and"
// in this or the three previous sentences.
bool CondemnationPass::ResolveCollective(Phrase p, Actor* out) const {
  bool match = false;
  for (const auto& words : lex_.collective()) {
    if (static_cast<int>(words.size()) != p.last - p.first) continue;
    bool ok = true;
    for (size_t w = 0; w < words.size() && ok; ++w) ok = L(p.first + (int)w) == words[w];
    if (ok) { match = true; break; }
  }
  if (!match) return false;
  int sent = doc_.tokens[p.first].sentence;
  int lo = std::max(doc_.sentences[std::max(0, sent - 3)].first, p.first - kLookBack);
  bool persons = L(p.last - 1).find("minister") != std::string::npos ||
                 L(p.last - 1) == "leaders" || L(p.last - 1) == "men";
  bool countries = L(p.last - 1) == "countries" || L(p.last - 1) == "governments";
  auto actor_type = [](EntityType t) {
    return t == EntityType::kPerson || t == EntityType::kOrg || t == EntityType::kGpe ||
           t == EntityType::kNorp;
  };
  // One side of "A and B": an entity mention, or else a run of capitalised words (a name the
  // entity pass missed). Returns false when the side is neither.
  auto side = [&](int edge, int dir, Actor* actor, EntityType* type) {
    int m = mention_at_[edge];
    if (m >= 0 && doc_.mentions[m].entity >= 0) {
      const Mention& mm = doc_.mentions[m];
      actor->entity = mm.entity;
      actor->name = doc_.entities[mm.entity].name;
      actor->span = {doc_.tokens[mm.first].start, doc_.tokens[mm.last - 1].end};
      *type = mm.type;
      return true;
    }
    int a = edge, b = edge;
    auto name_word = [&](int t) {
      return t >= lo && t < p.first && Word(t) && Cap(t) && !Is(words_.stop, t) &&
             !Is(words_.det, t) && !Is(words_.pronoun, t) &&
             doc_.tokens[t].start != doc_.sentences[doc_.tokens[t].sentence].start;
    };
    if (!name_word(edge)) return false;
    while (name_word(dir < 0 ? a - 1 : b + 1)) (dir < 0 ? a : b) += dir;
    actor->entity = -1;
    actor->name = std::string(doc_.SpanText(doc_.tokens[a].start, doc_.tokens[b].end));
    actor->span = {doc_.tokens[a].start, doc_.tokens[b].end};
    *type = EntityType::kMisc;
    return true;
  };
  for (int k = p.first - 2; k > lo; --k) {
    if (!(Word(k) && Is(t_.actor_and, k))) continue;
    Actor a, b;
    EntityType ta, tb;
    if (!side(k - 1, -1, &a, &ta) || !side(k + 1, +1, &b, &tb) || a.name == b.name) continue;
    // Actors of any kind for "both sides"; people for "the two ministers"; states for "both
    // countries". (The tagger may confuse PERSON and ORG, so only places are kept apart.)
    if ((ta != EntityType::kMisc && !actor_type(ta)) ||
        (tb != EntityType::kMisc && !actor_type(tb)))
      continue;
    if (persons && (ta == EntityType::kGpe || tb == EntityType::kGpe)) continue;
    if (countries && (ta == EntityType::kPerson || tb == EntityType::kPerson)) continue;
    out->entity = -1;
    out->name = a.name + " & " + b.name;
    out->span = {doc_.tokens[p.first].start, doc_.tokens[p.last - 1].end};
    out->actors = {std::move(a), std::move(b)};
    return true;
  }
  return false;
}

// A phrase as a name: without determiners, up to its first preposition or comma.
PRESSLENS_OUT_OF_LINE std::string CondemnationPass::Describe(Phrase p) const {
  // The phrase up to its first preposition or comma, without leading determiners; lower case
  // except proper-noun parts ("the German embassy" -> "German embassy").
  int first = p.first, last = p.last;
  while (first < last && Word(first) && Is(words_.det, first)) ++first;
  for (int k = first; k < last; ++k) {
    if ((Word(k) && Is(words_.stop, k) && L(k) != "and") || Punct(k, ",")) {
      last = k;
      break;
    }
  }
  if (first >= last) { first = p.first; last = p.last; }
  std::string out;
  for (int k = first; k < last; ++k) {
    if (Kind(k) == TokenKind::kQuote) continue;
    const Token& t = doc_.tokens[k];
    if (!out.empty() && t.space_before) out += ' ';
    // Capitals are kept: a sentence-initial capital cannot be told from a proper noun the
    // entity pass missed ("Nepali opposition parties"), and names are compared ignoring case.
    if (Cap(k))
      out += doc_.TokenText(k);
    else
      out += L(k).empty() ? doc_.TokenText(k) : L(k);
  }
  return out;
}

// The entity when the phrase is one mention (determiners aside), else -1.
int CondemnationPass::SingleEntity(Phrase p) const {
  int first = p.first, last = p.last;
  while (first < last && (Kind(first) == TokenKind::kQuote || Is(words_.det, first))) ++first;
  while (last > first && (Kind(last - 1) == TokenKind::kQuote || Punct(last - 1, "."))) --last;
  if (first >= last) return -1;
  int m = mention_at_[first];
  if (m < 0) return -1;
  const Mention& mm = doc_.mentions[m];
  if (mm.first == first && mm.last == last) return mm.entity;
  return -1;
}

}  // namespace condemnations
}  // namespace presslens
