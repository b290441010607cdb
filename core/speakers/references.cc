// The actor a pronoun or a definite description stands for: a pronoun takes the coreference
// pass's antecedent (coreference.h), "the spokesman" an earlier event's actor with that head
// word, "the 43-year-old" the person last spoken of. Reads the document's references, the
// events so far and the subject names; writes the actor it resolves and the pass's memory of
// the last person (last_human_, last_subject_).
#include "speakers/pass.h"

namespace presslens {
namespace speakers {

namespace {

// `word` is a whole word of `name` (words split at spaces and hyphens).
bool HasWord(std::string_view name, std::string_view word) {
  for (size_t p = name.find(word); p != std::string_view::npos; p = name.find(word, p + 1)) {
    const bool left = p == 0 || name[p - 1] == ' ' || name[p - 1] == '-';
    const bool right = p + word.size() == name.size() || name[p + word.size()] == ' ' ||
                       name[p + word.size()] == '-';
    if (left && right) return true;
  }
  return false;
}

}  // namespace

PRESSLENS_OUT_OF_LINE void SpeakerPass::Remember(const Who& who) {
  if (who.ok && who.human && !who.plural && who.kind != Who::kJoint) last_human_ = who;
}

// "the spokesman", "the radio": the actor named earlier with that head word ("A London-based
// spokesman of the Iraqi National Congress", "Damascus Radio"). Looks back a few events only.
PRESSLENS_OUT_OF_LINE void SpeakerPass::ResolveDefinite(Who* who) {
  if (!who->ok || who->kind != Who::kDescription || !InList(who->first, lists_.definite_article))
    return;
  const std::string_view head = LowerAt(who->last - 1);
  // "the 43-year-old": the person last spoken of.
  if (AgeNoun(head)) {
    AdvanceSubjects(who->first);
    const Who* ref = last_subject_.ok && last_subject_.human && last_subject_.first > last_event_verb_
                         ? &last_subject_
                     : last_human_.ok ? &last_human_
                                      : nullptr;
    if (ref) who->StandFor(*ref, Who::kDescription);
    return;
  }
  if (who->last - who->first == 2 &&
      (InList(who->last - 1, lists_.document_noun) ||
       InList(who->last - 1, lists_.publication_noun))) {
    // "the commentary", "the newspaper": its author or publication, when the text named one.
    for (int k = who->first - 1; k >= 0 && k > who->first - 400; --k) {
      if (InQuote(k) || !IsWord(k)) continue;
      const bool same = LowerAt(k) == head;
      // A publication is where a document appeared ("a commentary in the China Daily") or
      // another publication noun's name ("the news weekly Der Spiegel ... the magazine").
      if (!same && !(InList(who->last - 1, lists_.publication_noun) &&
                     (InList(k, lists_.document_noun) || InList(k, lists_.publication_noun))))
        continue;
      Who author = AuthorOf(k);
      // A document's author that reads as a person is no publication ("a statement by Smith").
      if (!author.ok || (!same && (author.kind != Who::kName ||
                                   (author.human && !InList(k, lists_.publication_noun)))))
        continue;
      who->StandFor(author, Who::kDescription);
      return;
    }
  }
  if (who->last - who->first > 2 && who->human) {
    // "the party official" after "a senior member of the local Socialist Party branch told
    // Reuters": a longer definite description of a person is a recent unnamed person speaking
    // whose description shares one of its modifiers.
    const int sentence = SentenceOf(who->first);
    int seen = 0;
    for (auto it = events_.rbegin(); it != events_.rend() && seen < 10; ++it, ++seen) {
      const Who& w = it->who;
      if (!w.ok || w.kind != Who::kDescription || w.entity >= 0 || w.plural || !w.human ||
          SentenceOf(it->verb) < sentence - 4)
        continue;
      const std::string name = Lower(w.name);
      for (int k = who->first + 1; k < who->last - 1; ++k) {
        if (!IsWord(k) || Is(k, kStopWord | kDeterminer) || !HasWord(name, LowerAt(k))) continue;
        who->StandFor(w, w.kind);
        return;
      }
    }
  }
  if (who->last - who->first != 2) return;
  int seen = 0;
  for (auto it = events_.rbegin(); it != events_.rend() && seen < 20; ++it, ++seen) {
    const Who& w = it->who;
    if (!w.ok || w.kind == Who::kPronoun || w.kind == Who::kJoint) continue;
    std::string name = Lower(w.name);
    // The entity's title counts too: "the minister" after "Foreign Minister Wang Yi".
    if (w.entity >= 0 && w.entity < static_cast<int>(doc_.entities.size()))
      name += " " + Lower(doc_.entities[w.entity].title);
    bool match = false;
    for (size_t p = name.find(head); p != std::string::npos; p = name.find(head, p + 1)) {
      bool left = p == 0 || name[p - 1] == ' ' || name[p - 1] == '-';
      bool right = p + head.size() == name.size() || name[p + head.size()] == ' ';
      if (left && right) match = true;
    }
    if (!match || name == head) continue;
    who->StandFor(w, Who::kDescription);
    return;
  }
}

// The author or publication a document noun (or publication noun) at token k names: its
// speech event's resolved actor, "a commentary in the official China Daily", "a government
// statement" (DescriptionWho), "his own front-page editorial" (the possessive's antecedent),
// "the ministry's statement", "the newspaper al-Tadamun". Not found: a description.
Who SpeakerPass::AuthorOf(int k) const {
  const std::string_view noun = LowerAt(k);
  // An event's actor lies within kSubjectWindow tokens of its verb.
  for (int e = std::min(EventsFrom(k + kSubjectWindow), static_cast<int>(events_.size())) - 1;
       e >= 0 && events_[e].verb >= k - kSubjectWindow; --e) {
    const Who& w = events_[e].who;
    if (w.ok && w.first <= k && k < w.last) {
      if (w.entity >= 0 || !EqualsIgnoreCase(w.name, noun)) return w;
      break;
    }
  }
  const bool publication = InList(k, lists_.publication_noun);
  // "the newspaper al-Tadamun", "the Sun newspaper": the publication's name.
  if (publication && k + 1 < n_ && NameToken(k + 1)) {
    int j = k + 1;
    while (j < n_ && NameToken(j)) ++j;
    return NameWho(k + 1, j);
  }
  if (publication && k > 0 && NameToken(k - 1)) {
    int a = k - 1;
    while (a > 0 && NameToken(a - 1)) --a;
    TrimName(&a, k);
    return a < k ? NameWho(a, k) : Who();
  }
  int first = k;
  while (first > 0 && first > k - 5 && (IsWord(first - 1) || Char(first - 1, '-')) &&
         !InQuote(first - 1) && !Is(first - 1, kDeterminer) && !doc_.ReferenceAt(first - 1) &&
         tokens_[first - 1].kind != TokenKind::kClitic)
    --first;
  // DescriptionWho gives the author, or the document itself (a name ending in the noun).
  Who d = DescriptionWho(first, first, k + 1);
  if (d.ok && (d.kind != Who::kDescription || d.name.size() < noun.size() ||
               !EqualsIgnoreCase(std::string_view(d.name).substr(d.name.size() - noun.size()), noun)))
    return d;
  const int p = first - 1;
  if (p < 0 || InQuote(p)) return Who();
  if (const Reference* ref = doc_.ReferenceAt(p); ref && ref->antecedent_first >= 0)
    return ActorAt(ref->antecedent_first, ref->antecedent_last);
  // A possessive the coreference pass left open: the speaker of its sentence ("She said the
  // reason was her own editorial").
  if (InList(p, lists_.possessive_pronoun)) {
    for (int e = EventsFrom(p) - 1; e >= 0 && SentenceOf(events_[e].verb) == SentenceOf(p); --e)
      if (events_[e].who.ok) return events_[e].who;
    return Who();
  }
  // "the ministry's statement" (a possessive before a publication is its place or owner).
  if (!publication && tokens_[p].kind == TokenKind::kClitic && p > 0 && NameToken(p - 1)) {
    int a = p - 1;
    while (a - 1 >= 0 && NameToken(a - 1)) --a;
    TrimName(&a, p);
    if (a < p) return NameWho(a, p);
  }
  return Who();
}

// Moves the subject-name cursor up to token `at` (text order: linear overall).
// Only the last name passed that makes an actor counts, so the names are tried from the
// newest back (NameWho builds strings).
void SpeakerPass::AdvanceSubjects(int at) {
  size_t end = next_subject_;
  while (end < subject_names_.size() && subject_names_[end].first < at) ++end;
  for (size_t k = end; k > next_subject_; --k) {
    auto [a, b] = subject_names_[k - 1];
    Who w = NameWho(a, b);
    if (!w.ok) continue;
    last_subject_ = std::move(w);
    last_subject_sentence_ = SentenceOf(a);
    last_subject_.first = a;
    break;
  }
  next_subject_ = end;
}

// Replaces a pronoun by the actor the coreference pass found for it (keeping the pronoun's
// span); clears `who` when it found none.
PRESSLENS_OUT_OF_LINE void SpeakerPass::Resolve(Who* who) const {
  if (!who->ok || who->kind != Who::kPronoun) return;
  const Reference* ref = doc_.ReferenceAt(who->first);
  Who r = ref && ref->antecedent_first >= 0 ? ActorAt(ref->antecedent_first, ref->antecedent_last)
                                            : Who();
  if (!r.ok) {
    who->ok = false;
    return;
  }
  who->StandFor(r, Who::kPronoun);
}

// The actor named or described at tokens [first, last): as its own speech event read it when it
// spoke, else read from its mention.
Who SpeakerPass::ActorAt(int first, int last) const {
  for (auto it = events_.rbegin(); it != events_.rend(); ++it) {
    const Who& w = it->who;
    if (w.ok && w.kind != Who::kPronoun && w.first <= last - 1 && last - 1 < w.last) return w;
  }
  if (MentionAt(last - 1)) return NameWho(first, last);
  return DescriptionWho(first, InList(first, lists_.noun_determiner) ? first + 1 : first, last);
}

}  // namespace speakers
}  // namespace presslens
