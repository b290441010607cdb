// Actor phrases: the name, description, pronoun or joint name that ends before a cue
// ("Lavrov said", "a Foreign Office spokesman said") or starts after it ("said Lavrov",
// "according to X"), and the subject of a participle or of a clause. Reads tokens, word
// classes, mentions, entities and the name index; writes nothing (returns a `Who`).
#include "speakers/pass.h"

namespace presslens {
namespace speakers {

Who SpeakerPass::NameWho(int first, int last) const {
  Who w = Who::At(Who::kName, first, last);
  const Mention* m = MentionAt(last - 1);
  // A mention that runs past the name (into the cue) is not this name's.
  if (m && m->last > last) m = nullptr;
  // Nor one that reaches back over a possessive ("Agriculture Department's Drazek").
  for (int i = m ? m->first : first; m && i < first; ++i)
    if (!NameToken(i) && !Is(i, kParticle)) m = nullptr;
  if (m && m->entity >= 0 && m->entity < static_cast<int>(doc_.entities.size())) {
    const EntityType type = TypeOfEntity(m->entity);
    if (type == EntityType::kLoc || type == EntityType::kEvent) return Who();  // "heading South wrote"
    w.entity = m->entity;
    if (type == EntityType::kPerson) {
      w.name = FullName(StripTitles(ArticleName(m->entity)));
    } else {
      w.name.assign(ArticleName(m->entity));
    }
    w.first = std::min(first, m->first);
    w.last = std::max(last, m->last);
    w.human = type == EntityType::kPerson;
    w.org = !w.human;
    w.plural = type == EntityType::kNorp;
    return w;
  }
  w.name = FullName(RawText(first, last));
  // The entity pass missed this mention but may know the name ("Lavrov" elsewhere linked).
  if (const int* known = entity_by_name_.Find(Hash(kHashSeed, w.name), w.name)) {
    w.entity = *known;
    const EntityType type = TypeOfEntity(*known);
    if (type == EntityType::kLoc || type == EntityType::kEvent) return Who();
    w.human = type == EntityType::kPerson;
    w.org = !w.human;
    return w;
  }
  w.org = Is(last - 1, kRole) && !Is(last - 1, kHuman);
  w.human = !w.org;
  return w;
}

Who SpeakerPass::DescriptionWho(int first, int name_first, int last) const {
  // A document speaks for its author when the text names one: "a commentary in the official
  // China Daily", "a statement by the ministry".
  if (InList(last - 1, lists_.document_noun) && last + 1 < n_ &&
      InList(last, lists_.author_preposition)) {
    int k = last + 1;
    while (k < n_ && k < last + 5 && !NameToken(k) && IsWord(k) && !Is(k, kStopWord))
      ++k;
    if (k < n_ && NameToken(k) && SentenceOf(k) == SentenceOf(last - 1)) {
      int j = k;
      while (j < n_ && (NameToken(j) || InitialDot(j))) ++j;
      int nf = k;
      TrimName(&nf, j);
      if (nf < j) {
        Who author = NameWho(nf, j);
        if (author.ok) return author;
      }
    }
  }
  // "a government statement", "a Foreign Ministry statement": the noun or name before the
  // document noun is its author.
  if (InList(last - 1, lists_.document_noun) && last - 2 >= name_first) {
    int a = last - 1;
    if (NameToken(last - 2)) {
      while (a - 1 >= name_first && NameToken(a - 1)) --a;
      int nf = a;
      TrimName(&nf, last - 1);
      if (nf < last - 1) {
        Who author = NameWho(nf, last - 1);
        if (author.ok) return author;
      }
    } else if (Is(last - 2, kRole)) {
      while (a - 1 >= name_first && Is(a - 1, kRole) && !NameToken(a - 1)) --a;
      Who author = DescriptionWho(first, a, last - 1);
      author.last = last;
      return author;
    }
  }
  Who w = Who::At(Who::kDescription, first, last);
  w.name = RawText(name_first, last);
  // A sentence-initial common word is written lower case in a name ("Sources" -> "sources").
  if (name_first == SentenceFirst(name_first) && !w.name.empty() && Is(name_first, kRole))
    w.name[0] = static_cast<char>(Lower(w.name.substr(0, 1))[0]);
  std::string_view head = LowerAt(last - 1);
  w.plural = (head.size() > 3 && head.back() == 's' && head.compare(head.size() - 2, 2, "ss") &&
              !InList(last - 1, lists_.singular_in_s)) ||
             Is(last - 1, kPluralNoun);
  w.human = Is(last - 1, kHuman) && !w.plural;
  w.org = !w.human && !w.plural;
  return w;
}

Who SpeakerPass::PronounWho(int i) const {
  Who w = Who::At(Who::kPronoun, i, i + 1);
  w.name = LowerAt(i);
  return w;
}

// A description that runs on over tokens [p, last), which follow it: "spokesman" + "of the INC".
void SpeakerPass::RunOn(Who* who, int p, int last) const {
  who->name += (tokens_[p].space_before ? " " : "") + RawText(p, last);
  who->last = last;
}

// The actor whose phrase ends at token e (inclusive), not reaching below `floor`.
Who SpeakerPass::ParseLeft(int e, int floor) const {
  Who none;
  while (e >= floor) {
    if (Is(e, kSkippable)) {
      --e;
    } else if (const int time = chunker_.TimeBefore(e, floor, e + 1); time <= e) {
      e = time - 1;  // "Smith on Friday said", "Smith last week said"
    } else {
      break;
    }
  }
  if (e < floor) return none;
  if (Char(e, ',')) {  // appositive: "Sergei Posukhov, Lukashenko's political adviser, told"
    int c = e - 1;
    // A relative clause may hold a quoted title: "Jordan, whose film "The Crying Game" came
    // under fire ..., said"; `floor` keeps the search out of utterances.
    while (c >= floor && c > e - 40 && !Char(c, ',')) --c;
    if (c < floor || c <= e - 40 || !Char(c, ',')) return none;
    // "the group's leader, John Smith, told": a name in the commas is the speaker's name.
    bool all_name = c + 1 < e;
    for (int k = c + 1; k < e; ++k)
      if (!NameToken(k) && !Is(k, kParticle)) all_name = false;
    if (all_name) {
      int first = c + 1;
      TrimName(&first, e);
      if (first < e && c - 1 >= floor && IsWord(c - 1) && !NameToken(c - 1) &&
          Is(c - 1, kRole))
        return NameWho(first, e);
    }
    e = c - 1;
    // "Lauck, from Lincoln, Nebraska, yelled": the name before the comma is inside a phrase
    // ("from Lincoln"); the subject is before the comma that opens it.
    int a = e;
    while (a > floor && NameToken(a) && NameToken(a - 1)) --a;
    if (a > floor && NameToken(e) && Is(a - 1, kPreposition)) {  // e = a may be floor - 1
      int c2 = a - 2;
      while (c2 >= floor && c2 > a - 12 && !Char(c2, ',') && !InQuote(c2)) --c2;
      if (c2 >= floor && Char(c2, ',')) e = c2 - 1;
    }
  }
  if (e >= floor && Char(e, ')')) {  // "Faik Nerweyi of the Kurdistan Democratic Party (KDP)"
    int c = e - 1;
    while (c >= floor && c > e - 12 && !Char(c, '(')) --c;
    if (c < floor || !Char(c, '(')) return none;
    e = c - 1;
  }
  if (e < floor || !IsWord(e)) return none;
  std::string_view head = LowerAt(e);
  if (Is(e, kPronoun)) return PronounWho(e);
  // ""...," another said" after "Traders said": one of the group last quoted, resolved
  // like "they".
  if (InList(e, lists_.group_pronoun) && (e == floor || !Is(e - 1, kDeterminer))) {
    Who w = PronounWho(e);
    w.name = "they";  // Resolve() reads the pronoun from the name
    return w;
  }
  bool role = (Is(e, kRole) || AgeNoun(head)) &&
              (!tokens_[e].upper_initial || e == SentenceFirst(e));
  if (!role && NameToken(e)) {
    int a = e;
    while (a - 1 >= floor && !tokens_[a].newline_before &&
           (NameToken(a - 1) || InitialDot(a - 1) ||
            (Is(a - 1, kParticle) && a - 2 >= floor && NameToken(a - 2))))
      --a;
    // "X of (the) Y": the speaker is X ("Faik Nerweyi of the KDP"; "spokesman of the INC").
    // Also "officials in Washington", "the embassy in Moscow": the left part must be a role.
    int p = a - 1;
    if (p >= floor && InList(p, lists_.definite_article)) --p;
    bool of = p - 1 >= floor && InList(p, lists_.genitive_preposition);
    // Not a title's complement: "Secretary of State Madeleine Albright" is Albright (but
    // "Speaker of the House" is a description).
    if (of && Is(p - 1, kTitle) && Is(p + 1, kTitle)) {
      int k = p - 1;
      while (k - 1 >= floor && Is(k - 1, kTitle)) --k;
      if (k == floor || !NameToken(k - 1)) of = false;
    }
    bool place = p - 1 >= floor && InList(p, lists_.place_preposition) &&
                 Is(p - 1, kRole) && !tokens_[p - 1].upper_initial;
    if (of || place) {
      Who left = ParseLeft(p - 1, floor);
      if (left.ok && left.kind == Who::kName) return left;
      if (left.ok && left.kind == Who::kDescription) {
        Who d = left;
        RunOn(&d, p, e + 1);
        return d;
      }
    }
    int first = a;
    TrimName(&first, e + 1);
    if (first > e) {
      // Only a title ("the Foreign Minister said"): a description.
      return DescriptionWho(a, a, e + 1);
    }
    // Joint: "Lavrov and Wang".
    if (a - 2 >= floor && (InList(a - 1, lists_.additive_conjunction) || Char(a - 1, '&')) && NameToken(a - 2)) {
      Who left = ParseLeft(a - 2, floor);
      if (left.ok && (left.kind == Who::kName || left.kind == Who::kJoint)) {
        Who right = NameWho(first, e + 1);
        Who j = Who::At(Who::kJoint, left.first, right.last);
        j.name = left.name + " & " + right.name;
        j.plural = true;
        return j;
      }
    }
    return NameWho(first, e + 1);
  }
  if (!role && !tokens_[e].upper_initial && tokens_[e].kind == TokenKind::kWord &&
      !Is(e, kStopWord) && !CueAt(e) &&
      !(head.size() > 3 && head.compare(head.size() - 2, 2, "ly") == 0)) {  // "experts generally
    // ""...," one farmer said", "As a phone rang, the announcer said", "the ad's narrator
    // says": "determiner ... noun" that opens a clause (after a quote, a comma or at the
    // sentence start) is the speaker even when the noun is not in the role list.
    int det = e - 1;
    while (det >= floor && det > e - 5 && !Is(det, kDeterminer) &&
           (IsWord(det) || tokens_[det].kind == TokenKind::kClitic ||
            tokens_[det].kind == TokenKind::kNumber) &&  // "A 1970 evaluation said"
           !Is(det, kStopWord) && !CueAt(det))
      --det;
    if (det >= floor && det > e - 5 && Is(det, kDeterminer)) {
      // Past a quote or a comma at `floor`, the phrase must end right before a cue.
      const bool opens = det > 0 && (IsMark(det - 1) || Char(det - 1, ',')) &&
                         (det == floor || (e + 1 < n_ && CueAt(e + 1)));
      const bool starts = det == SentenceFirst(det) && e + 1 < n_ && CueAt(e + 1);
      if (opens || starts) return DescriptionWho(det, det + 1, e + 1);
    }
  }
  if (!role) {
    // "traders in the region said": a role noun followed by a place phrase.
    for (int p = e - 1; p - 1 >= floor && p > e - 6; --p) {
      if (!InList(p, lists_.role_preposition)) {
        if (!IsWord(p) || Is(p, kStopWord) || CueAt(p)) break;
        continue;
      }
      if (!Is(p - 1, kRole) || NameToken(p - 1)) break;
      Who left = ParseLeft(p - 1, floor);
      if (left.ok && left.kind == Who::kDescription) {
        RunOn(&left, p, e + 1);
        return left;
      }
      break;
    }
    return none;
  }
  // A description: modifiers back to a determiner ("an Israeli army spokeswoman").
  int d = e;
  int start = e;
  while (d - 1 >= floor && d - 1 > e - 7) {
    int k = d - 1;
    std::string_view w = LowerAt(k);
    if (Is(k, kDeterminer)) {
      start = k;
      break;
    }
    // "the Whittier, Alaska police department": a place and its region after the determiner.
    if (Char(k, ',') && k - 1 >= floor && NameToken(k - 1) && NameToken(d)) {
      int a = k - 1;
      while (a - 1 >= floor && NameToken(a - 1)) --a;
      if (a - 1 >= floor && Is(a - 1, kDeterminer)) {
        d = a;
        start = a - 1;
      }
      break;
    }
    bool word_like = IsWord(k) || tokens_[k].kind == TokenKind::kNumber ||
                     tokens_[k].kind == TokenKind::kClitic ||
                     (Char(k, '-') && !tokens_[k].space_before);
    if (!word_like || Is(k, kStopWord) || CueAt(k) ||
        (w.size() > 3 && w.compare(w.size() - 2, 2, "ly") == 0))
      break;
    d = k;
    start = k;
  }
  Who who = DescriptionWho(start, d, e + 1);
  int p = start - 1;
  // "Sgt. Dan Jewell of the police department": the person named before "of".
  if (p - 1 >= floor && InList(p, lists_.genitive_preposition) && NameToken(p - 1)) {
    Who left = ParseLeft(p - 1, floor);
    if (left.ok && left.kind == Who::kName && left.human) return left;
  }
  // "a chorus of women"
  if (p - 1 >= floor && InList(p, lists_.genitive_preposition) && Is(p - 1, kRole)) {
    Who left = ParseLeft(p - 1, floor);
    if (left.ok && left.kind == Who::kDescription) {
      RunOn(&left, p, e + 1);
      left.human = left.human || who.human;
      left.plural = who.plural;
      return left;
    }
  }
  // "a spokeswoman for the ministry", "an official at the embassy": the person speaks.
  if (p - 1 >= floor && InList(p, lists_.role_preposition) &&
      !InList(p, lists_.genitive_preposition) && Is(p - 1, kHuman) && !NameToken(p - 1)) {
    Who left = ParseLeft(p - 1, floor);
    if (left.ok && left.kind == Who::kDescription) {
      RunOn(&left, p, e + 1);
      return left;
    }
  }
  return who;
}

// The actor starting at token s ("said a Foreign Office spokesman", "according to X").
Who SpeakerPass::ParseRight(int s, int limit) const {
  Who none;
  if (s >= limit || s >= n_) return none;
  if (Is(s, kPronoun)) return PronounWho(s);
  int e = s;
  while (e < limit && e < s + 10) {
    std::string_view w = LowerAt(e);
    bool word_like = IsWord(e) || tokens_[e].kind == TokenKind::kNumber ||
                     tokens_[e].kind == TokenKind::kClitic ||
                     (Char(e, '-') && !tokens_[e].space_before) ||
                     (Char(e, '.') && e > s && Is(e - 1, kTitle)) ||  // "Mr. Smith"
                     InitialDot(e);
    if (!word_like) break;
    if (InList(e, lists_.genitive_preposition) && e > s && e + 1 < limit &&
        (NameToken(e + 1) || Is(e + 1, kRole) ||
         (InList(e + 1, lists_.definite_article) && e + 2 < limit &&
          (NameToken(e + 2) || Is(e + 2, kRole))))) {
      ++e;
      continue;
    }
    if (Is(e, kDeterminer) && e == s) {
      ++e;
      continue;
    }
    // An -ing word after the head starts a clause ("a chorus of women begging ..."); before
    // it, it is a modifier ("a dealing director").
    bool head_seen = e > s && (NameToken(e - 1) || Is(e - 1, kRole));
    if (Is(e, kStopWord) || (CueAt(e) && head_seen) ||
        (head_seen && !tokens_[e].upper_initial && w.size() > 4 &&
         w.compare(w.size() - 3, 3, "ing") == 0))
      break;
    ++e;
  }
  if (e == s) return none;
  // The last name run not followed by a role noun is the speaker's name.
  int best_a = -1, best_b = -1, last_role = -1;
  for (int i = s; i < e;) {
    if (best_a >= 0 && InList(i, lists_.genitive_preposition)) break;  // "Tom Bellamore of the California group"
    if (NameToken(i) && !(Is(i, kRole) && i == s)) {
      int j = i + 1;
      while (j < e && (NameToken(j) || InitialDot(j) ||
                       (Is(j, kParticle) && j + 1 < e && NameToken(j + 1))))
        ++j;
      // A name before the role noun it modifies ("one Sydney media analyst"; not "Amrullah
      // Saleh the head of ...").
      bool modifier = false;
      for (int k = j; k < e && !NameToken(k) && !Is(k, kDeterminer); ++k)
        if (Is(k, kRole) && !tokens_[k].upper_initial) modifier = true;
      if (!modifier) {
        best_a = i;
        best_b = j;
      }
      i = j;
      continue;
    }
    if (Is(i, kRole)) last_role = i;
    ++i;
  }
  if (best_a >= 0) {
    int first = best_a;
    TrimName(&first, best_b);
    if (first < best_b) return NameWho(first, best_b);
  }
  // "said one professor.", "said a strategist for one of the candidates": a determiner and a
  // noun that ends the clause or is followed by a preposition of role describe a speaker even
  // when the noun is not in the role list.
  if (last_role < 0 && Is(s, kDeterminer) && e > s + 1 && IsWord(e - 1) &&
      !tokens_[e - 1].upper_initial &&
      (e >= n_ || In(Text(e), {".", ",", ";", ":"}) || InList(e, lists_.role_preposition)))
    last_role = e - 1;
  if (last_role < 0) return none;
  int name_first = Is(s, kDeterminer) ? s + 1 : s;
  while (name_first < last_role && Char(name_first, '-')) ++name_first;
  int last = last_role + 1;
  // Extend over "of the Iraqi National Congress".
  if (last < e && InList(last, lists_.genitive_preposition)) last = e;
  Who who = DescriptionWho(s, name_first, last);
  // "the tourist, Khaled Hijazi, 37": the appositive name.
  if (e < n_ && Char(e, ',') && e + 1 < n_ && NameToken(e + 1) &&
      SentenceOf(e + 1) == SentenceOf(s)) {
    int j = e + 1;
    while (j < n_ && NameToken(j)) ++j;
    if (j >= n_ || Char(j, ',') || Char(j, '.') || SentenceOf(j) != SentenceOf(s)) {
      int first = e + 1;
      TrimName(&first, j);
      if (first < j) return NameWho(first, j);
    }
  }
  return who;
}

// The subject of a participle cue: after a comma ("Jordan defends ..., saying") the clause's
// first subject, else the nearest subject pronoun or name before it ("she responded by ...
// shouting").
PRESSLENS_OUT_OF_LINE Who SpeakerPass::ParticipleSubject(int v, int floor) const {
  if (v - 1 >= floor && Char(v - 1, ',')) return ClauseSubject(v, floor);
  for (int i = v - 1; i >= floor; --i) {
    if (InQuote(i)) return Who();
    if (InList(i, lists_.subject_pronoun)) return PronounWho(i);
    // Not a name that modifies a role noun ("Bernie Sanders supporters"); a name between
    // commas before the verb is ("The Tigers' chief ideologue, Balasingham, sniffed").
    bool appositive = NameToken(i) && i + 2 < n_ && Char(i + 1, ',') && IsWord(i + 2) &&
                      !tokens_[i + 2].upper_initial && !Is(i + 2, kRole | kStopWord);
    if (appositive) {
      int a = i;
      while (a - 1 > floor && NameToken(a - 1) && i - a < 5) --a;
      appositive = a > floor && Char(a - 1, ',');
    }
    if (appositive ||
        (NameToken(i) && i + 1 < n_ && IsWord(i + 1) && !tokens_[i + 1].upper_initial &&
         !Is(i + 1, kRole) && (i == 0 || !Is(i - 1, kPreposition) || NameToken(i - 1)))) {
      Who who = ParseLeft(i, floor);
      if (who.ok) return who;
    }
  }
  return Who();
}

// The first subject (pronoun, or name followed by a lower-case word) in [floor, v).
// The clause may start before `floor` (the subject window of a cue): the search starts at the
// sentence start, at most kPreWindow tokens back, so it stays bounded; with `exact_floor`, at
// `floor`.
Who SpeakerPass::ClauseSubject(int v, int floor, bool exact_floor) const {
  if (!exact_floor) floor = std::min(floor, std::max(SentenceFirst(v), v - kPreWindow));
  for (int i = floor; i < v; ++i) {
    if (InQuote(i)) break;
    if (InList(i, lists_.subject_pronoun)) return PronounWho(i);
    if (!NameToken(i)) continue;
    // A dateline opening the line ("WASHINGTON, Dec. 8 (UPI) -- ...") is no subject.
    if (tokens_[i].all_caps && (i == 0 || tokens_[i].newline_before)) {
      while (i + 1 < v && tokens_[i + 1].all_caps && NameToken(i + 1)) ++i;
      continue;
    }
    int j = i;
    // "Secretary of State Madeleine Albright": "of" after a title is in the name.
    while (j + 1 < v && (NameToken(j + 1) || Is(j + 1, kParticle) ||
                         (Is(j, kTitle) && InList(j + 1, lists_.genitive_preposition) &&
                          j + 2 < v && NameToken(j + 2))))
      ++j;
    // Followed by a verb-like word (maybe after "on Friday"), or by an appositive/relative
    // clause ("Ivanisevic, who"); preceded by the clause start, a determiner or a conjunction
    // (not "retired Tutsi major").
    int k = j + 1;
    k = chunker_.SkipTime(k, v);
    bool verb_next = k < v && IsWord(k) && !tokens_[k].upper_initial &&
                     !Is(k, kPreposition) &&
                     !InList(k, lists_.not_subject_verb);
    bool comma_next = k < v && Char(k, ',');
    bool starts = i == floor || i == SentenceFirst(i) || !IsWord(i - 1) ||
                  InList(i - 1, lists_.clause_opener);
    if ((verb_next || comma_next) && starts) {
      Who who = ParseLeft(j, floor);
      if (who.ok) return who;
    }
    i = j;
  }
  return Who();
}

}  // namespace speakers
}  // namespace presslens
