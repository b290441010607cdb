// The actor a pronoun or a definite description stands for: a pronoun takes the coreference
// pass's antecedent (coreference.h), "the spokesman" an earlier event's actor with that head
// word, "the 43-year-old" the person last spoken of. Reads the document's references, the
// events so far and the subject names; writes the actor it resolves and the pass's memory of
// the last person (last_human_, last_subject_).
#include "speakers/pass.h"

namespace presslens {
namespace speakers {

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
