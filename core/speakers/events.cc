// Speech events: every cue outside quotes (said, told, according to, termed, ..., and the
// cues AddVerbsAfterQuotes adds around quotes: a past form the lexicon lacks, a verb with a
// particle, "read") with its actor, read to the left ("Lavrov said"), to the right ("said a
// spokesman", "according to X") or from the clause ("..., saying"). Reads tokens, word
// classes, cues, actor phrases; writes events_ and, at the end, doc->speech_events.
#include <algorithm>
#include <utility>
#include <vector>

#include "speakers/pass.h"

namespace presslens {
namespace speakers {

// Hillary shot back, "Q": a verb of a name or pronoun with a particle of data
// [speech-particle] and a comma or colon before a quote is a speech cue.
// "Q," Toomey fumed on Tuesday. / "Q?" he wondered aloud. / "Q," exhorted the actress. /
// "Q," Trump shot back. / "Q," the statement read. A quote that ends in a comma, question or
// exclamation mark and is followed, in its sentence or the next, by at most a speaker's words
// (names, pronouns, determiners, role nouns) and then a lower-case past form (-ed) the lexicon
// does not list, a verb and a particle (data [speech-particle]: "shot back", "went on") or a
// verb of data [after-quote-verb] ("read"): that verb is a speech cue, its lemma the word as
// written, when the clause ends after it (and its particle) or goes on with a preposition, a
// determiner, a name, "and"/"but" or one word and a punctuation mark ("fumed on", "exhorted
// Clinton's", "wondered aloud,", "barked and"; not "unnamed officials said"), and no listed
// cue follows in the next words.
PRESSLENS_OUT_OF_LINE void SpeakerPass::AddVerbsAfterQuotes() {
  verbs_after_quotes_.clear();
  // At most two per quote (one before, one after): pointers stay valid.
  verbs_after_quotes_.reserve(2 * outer_.size());
  const size_t lexicon_cues = cue_tokens_.size();
  for (int k : outer_) {
    const QuoteSpan& q = doc_.quote_spans[k];
    // Before it: a verb and its particle after a name or pronoun, then a comma or colon
    // ("Hillary shot back, "Q"", "he fired back: "Q"").
    const int p = q.open_token - 1;
    if (p >= 3 && (Char(p, ',') || Char(p, ':')) && InList(p - 1, lists_.speech_particle) &&
        IsWord(p - 2) && !tokens_[p - 2].upper_initial && !(class_[p - 2] & kCueBit) &&
        !InQuote(p - 2) && Text(p - 2).size() >= 3 &&
        (NameToken(p - 3) || InList(p - 3, lists_.subject_pronoun))) {
      verbs_after_quotes_.push_back({doc_.LowerTokenText(p - 2), CueClass::kSpeech, false});
      cue_tokens_.push_back(p - 2);
      cues_.push_back(&verbs_after_quotes_.back());
      class_[p - 2] |= kCueBit;
    }
    const int close = q.close_token;
    if (close < 1 || close + 2 >= n_ || !In(Text(close - 1), {",", "?", "!"})) continue;
    int a = close + 1;
    if (Char(a, ',')) ++a;
    for (int i = a; i < n_ && i < a + 6; ++i) {
      const Token& t = tokens_[i];
      if (t.newline_before || InQuote(i) || t.kind == TokenKind::kQuote ||
          t.kind == TokenKind::kPunct || t.kind == TokenKind::kNumber)
        break;
      // A speaker's words: names, "'s", role nouns, and any word after a determiner ("the
      // suit", "an angry Hollande").
      if (t.kind != TokenKind::kWord || t.upper_initial ||
          Is(i, kDeterminer | kPronoun | kRole | kHuman | kPluralNoun) ||
          (i > a && Is(i - 1, kDeterminer)))
        continue;
      const std::string_view w = Text(i);
      if (class_[i] & kCueBit) break;
      // A verb and its particle ("shot back", "went on", "points out"), a verb the text
      // list gives ("the statement read"), or a past form.
      const bool particle = i + 1 < n_ && InList(i + 1, lists_.speech_particle) && w.size() >= 3;
      if (!particle && !InList(i, lists_.after_quote_verb) &&
          (w.size() < 5 || w.substr(w.size() - 2) != "ed"))
        break;
      const int next = i + 1 + particle;
      bool clause_goes_on = false;  // what follows the verb
      if (next < n_) {
        const Token& u = tokens_[next];
        clause_goes_on = !(u.kind == TokenKind::kPunct || u.kind == TokenKind::kQuote ||
                           u.upper_initial || Is(next, kPreposition | kDeterminer | kPronoun) ||
                           InList(next, lists_.clause_coordinator) ||
                           (next + 1 < n_ && tokens_[next + 1].kind == TokenKind::kPunct));
      }
      if (clause_goes_on) break;
      // A listed cue after it is the attribution ("retired Gen. Lloyd Newton said").
      bool cue_follows = false;
      for (int j = i + 1; j < n_ && j < i + 10 && tokens_[j].sentence == t.sentence; ++j)
        cue_follows = cue_follows || (class_[j] & kCueBit);
      if (cue_follows) break;
      verbs_after_quotes_.push_back({doc_.LowerTokenText(i), CueClass::kSpeech, false});
      cue_tokens_.push_back(i);
      cues_.push_back(&verbs_after_quotes_.back());
      class_[i] |= kCueBit;
      break;
    }
  }
  // Back into text order: the added cues (no token twice) are merged from the end with the
  // lexicon's, which are in text order; linear in the number of cues.
  const size_t added = cue_tokens_.size() - lexicon_cues;
  if (added == 0) return;
  std::vector<std::pair<int, const CueInfo*>> extra(added);
  for (size_t c = 0; c < added; ++c)
    extra[c] = {cue_tokens_[lexicon_cues + c], cues_[lexicon_cues + c]};
  std::sort(extra.begin(), extra.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  size_t w = cue_tokens_.size(), l = lexicon_cues, e = added;
  while (e > 0) {
    --w;
    if (l > 0 && cue_tokens_[l - 1] > extra[e - 1].first) {
      --l;
      cue_tokens_[w] = cue_tokens_[l];
      cues_[w] = cues_[l];
    } else {
      --e;
      cue_tokens_[w] = extra[e].first;
      cues_[w] = extra[e].second;
    }
  }
}

PRESSLENS_OUT_OF_LINE void SpeakerPass::BuildEvents() {
  events_.reserve(cue_tokens_.size());  // at most one event per cue: not grown by doubling
  for (size_t c = 0; c < cue_tokens_.size(); ++c) {
    const int i = cue_tokens_[c];
    const CueInfo* cue = cues_[c];
    if (InQuote(i)) continue;
    if (tokens_[i].upper_initial && i != SentenceFirst(i)) continue;  // a name: "Said", "Bush"
    Event ev;
    ev.verb = i;
    ev.verb_end = i + 1;
    ev.cue = cue;
    // The subject is not inside or before an utterance; a quoted fragment (a title, a
    // label) may stand inside the subject phrase.
    int floor = std::max(SentenceFirst(i), i - kSubjectWindow);
    for (int k = i - 1; k >= floor; --k)
      if (InQuote(k) && doc_.quote_spans[outer_[QuoteAt(k)]].starts_clause) {
        floor = k + 1;
        break;
      }
    const int limit = std::min(SentenceLast(i), i + 12);
    // A noun, not a verb: "a report", "the call", "his statement", "in response". A gerund
    // after a preposition is a verb ("by saying"); a report verb's gerund only after "by"
    // ("marked the day by expressing").
    if (i > 0 && cue->cls != CueClass::kAccording &&
        (InList(i - 1, lists_.noun_determiner) ||
         (Is(i - 1, kPreposition) && !(cue->participle && cue->cls != CueClass::kReport) &&
          !(cue->participle && InList(i - 1, lists_.agent_preposition)))))
      continue;
    const VerbGroup group = chunker_.VerbGroupBefore(i);
    if (cue->cls == CueClass::kAccording) {
      if (!AccordingTo(i, &ev)) continue;
    } else if (cue->lemma == "quote" && !cue->participle) {
      QuotedAs(i, floor, limit, &ev);
    } else if (group.passive && !cue->participle) {
      // Passive: "Smith was quoted as saying" names the speaker; "Reagan was laughed at", "he
      // was told" do not.
      if (cue->lemma == "quote") ev.who = ParseLeft(group.first - 1, floor);
    } else if (cue->participle) {
      // "quoted a witness as saying", "was quoted saying": the one quoted says it.
      const Event* quoted = events_.empty() ? nullptr : &events_.back();
      if (quoted && quoted->cue->lemma == "quote" && quoted->who.ok &&
          (quoted->verb_end == i ||
           (i - 1 > quoted->verb && i - 1 < quoted->verb + 12 &&
            InList(i - 1, lists_.predicative_as))))
        ev.who = quoted->who;
      else if (group.passive)
        // A progressive ("be" before the -ing form): "Shia clerics were describing", "he had
        // been telling".
        ActiveSpeaker(i, floor, limit, group, &ev);
      else
        ev.who = ParticipleSubject(i, floor);
    } else {
      ActiveSpeaker(i, floor, limit, group, &ev);
    }
    // A passive cue with its agent: "was described by one company as", "Described by X as";
    // not when a quote is what the cue is passive of (a title: ""American Skin" was written
    // by Springsteen").
    if (!ev.who.ok && i + 2 < limit && InList(i + 1, lists_.agent_preposition)) {
      if (i == SentenceFirst(i) ||
          (group.passive && !(group.first > 0 && IsMark(group.first - 1)))) {
        ev.who = ParseRight(i + 2, limit);
        ev.inverted = ev.who.ok;
      }
    }
    ev.had_subject = ev.who.ok;
    Resolve(&ev.who);
    ResolveDefinite(&ev.who);
    Remember(ev.who);
    last_event_verb_ = i;
    events_.push_back(std::move(ev));
  }
}

// A participle that opens its sentence ("Noting that ..., Jordan said") takes the subject of
// the clause that follows it.
void SpeakerPass::OpeningParticipleSubjects() {
  for (size_t k = 0; k + 1 < events_.size(); ++k) {
    Event& ev = events_[k];
    if (ev.who.ok || !ev.cue->participle || ev.verb != SentenceFirst(ev.verb)) continue;
    const Event& next = events_[k + 1];
    if (next.who.ok && !next.inverted && SentenceOf(next.verb) == SentenceOf(ev.verb))
      ev.who = next.who;
  }
}

// "according to X": the actor follows. False when "according" is not followed by the rest of
// its lemma ("to").
bool SpeakerPass::AccordingTo(int i, Event* event) const {
  Event& ev = *event;
  const std::string_view lemma = ev.cue->lemma;
  if (i + 1 >= n_ || LowerAt(i + 1) != lemma.substr(lemma.find(' ') + 1)) return false;
  ev.verb_end = i + 2;
  ev.inverted = true;
  ev.who = ParseRight(i + 2, std::min(SentenceLast(i), i + 14));
  return true;
}

// "Interfax quoted Yastrzhembsky as saying": the one quoted speaks; "the newspaper quoted
// Garrett"; else the subject ("he quoted ...").
void SpeakerPass::QuotedAs(int i, int floor, int limit, Event* event) const {
  Event& ev = *event;
  // Not after "was": "he was quoted as saying" is the passive rule.
  int as = i + 1;
  while (as < limit && as < i + 10 && !InList(as, lists_.predicative_as)) ++as;
  const VerbGroup group = chunker_.VerbGroupBefore(i);
  if (as + 1 < n_ && as < limit && InList(as, lists_.predicative_as) && CueAt(as + 1))
    ev.who = ParseRight(i + 1, as);
  else if (!group.passive)
    ev.who = ParseRight(i + 1, limit);
  if (ev.who.ok) ev.inverted = true;
  if (!ev.who.ok) ev.who = ParseLeft(group.passive ? group.first - 1 : i - 1, floor);
}

// An active verb: "Lavrov said", "Lavrov and Wang said", "... and for the first time said"
// (a coordinated clause's subject), "Prices will rise, said the minister." (inverted).
void SpeakerPass::ActiveSpeaker(int i, int floor, int limit, const VerbGroup& group,
                                Event* event) const {
  Event& ev = *event;
  const CueInfo* cue = ev.cue;
  const std::string_view w = LowerAt(i);
  const int sentence_first = SentenceFirst(i);
  ev.who = ParseLeft(i - 1, floor);
  // "John Smith, who said: ...": the name before the relative clause speaks, when the cue
  // introduces words (a colon, comma or quote mark follows; not "who asked not to be named").
  if (!ev.who.ok && i - 3 >= floor && InList(i - 1, lists_.relative_pronoun) &&
      Char(i - 2, ',') && i + 1 < n_ && (Char(i + 1, ':') || Char(i + 1, ',') || IsMark(i + 1)))
    ev.who = ParseLeft(i - 3, floor);
  // ""...," West said.": one capitalised word between a quote and its cue that the entity
  // pass read as a place or a function word is the surname of the one person the text names
  // so ("Marty West", "Al From", "George Will").
  if (!ev.who.ok && i - 1 >= floor && IsWord(i - 1) && tokens_[i - 1].upper_initial &&
      (i - 1 == sentence_first || IsMark(i - 2) || Char(i - 2, ','))) {
    if (const int person = PersonByLastWord(LowerAt(i - 1)); person >= 0) {
      ev.who = Who::At(Who::kName, i - 1, i);
      ev.who.entity = person;
      ev.who.name = FullName(StripTitles(ArticleName(person)));
      ev.who.human = true;
    }
  }
  // "she has said", "officials had told": the subject before the auxiliaries (not "did not
  // say"; not a possessive read as "'s": "Obama's remarks").
  if (!ev.who.ok && group.first < i && group.first - 1 >= floor && !group.negated &&
      tokens_[group.first].kind != TokenKind::kClitic)
    ev.who = ParseLeft(group.first - 1, floor);
  // A second verb of a coordinated clause: "The Council condemned ... and for the first
  // time said ...".
  bool past = (w.size() > 3 && w.compare(w.size() - 2, 2, "ed") == 0) ||
              InList(i, lists_.irregular_said);
  // "... but did say:", "... and would add", "... and repeatedly says", "... but said" (a
  // verb right after "and" is left to the rule below)
  const int aux = std::max(group.first, floor) - 1;
  if (!ev.who.ok && aux >= floor && InList(aux, lists_.clause_coordinator) &&
      (aux < i - 1 || !InList(aux, lists_.additive_conjunction))) {
    // The first clause's own speech verb has found its subject: "Officials said ..., but said".
    const Event* before = events_.empty() ? nullptr : &events_.back();
    ev.who = before && before->who.ok && !before->inverted && before->verb < aux &&
                     SentenceOf(before->verb) == SentenceOf(i)
                 ? before->who
                 : ClauseSubject(aux, floor);
  }
  if (!ev.who.ok && past) {
    for (int k = i - 1; k >= floor && k > i - 7; --k)
      if (InList(k, lists_.additive_conjunction)) {
        ev.who = ClauseSubject(k, floor);
        break;
      }
  }
  int p = i - 1;
  if (p >= 0 && Char(p, ',')) --p;
  bool after_quote = p >= 0 && IsMark(p) && InQuote(p);
  // "Prices will rise, said the minister": inverted after a comma too.
  bool after_comma = i > 0 && Char(i - 1, ',');
  if (!ev.who.ok && (after_quote || after_comma || i == sentence_first)) {
    ev.who = ParseRight(i + 1, limit);
    // After a plain comma the phrase must end the clause ("..., said the minister."),
    // not start a reported one ("..., said Collins was ...").
    if (ev.who.ok && !after_quote && i != sentence_first &&
        !lists_.comma_inverted_cue.Has(cue->lemma))
      ev.who = Who();
    if (ev.who.ok && !after_quote && ev.who.last < SentenceLast(i) &&
        !In(Text(ev.who.last), {".", ":", ";", "!", "?"}))
      ev.who = Who();
    ev.inverted = ev.who.ok;
  }
  // "Gore ridiculed Dole's plan, praised Clinton for "courage"": a past form after a comma
  // goes on a series of verbs in the past whose subject opens the clause.
  if (!ev.who.ok && after_comma && past && !after_quote) {
    Who subject = ClauseSubject(i - 1, floor);
    if (subject.ok && subject.last < i - 1 && IsWord(subject.last)) {
      const std::string_view v = LowerAt(subject.last);
      if ((v.size() > 3 && v.compare(v.size() - 2, 2, "ed") == 0) ||
          InList(subject.last, lists_.irregular_said))
        ev.who = subject;
    }
  }
}

// The events, for the stages after this one (Document::speech_events).
PRESSLENS_OUT_OF_LINE void SpeakerPass::ExportEvents() {
  doc_.speech_events.resize(events_.size());
  for (size_t k = 0; k < events_.size(); ++k) {
    const Event& ev = events_[k];
    SpeechEvent& out = doc_.speech_events[k];
    out.cue_first = ev.verb;
    out.cue_last = ev.verb_end;
    out.lemma = ev.cue->lemma;
    out.has_speaker = ev.who.ok;
    if (!ev.who.ok) continue;
    out.speaker.entity = ev.who.entity;
    out.speaker.name = ev.who.name;
    out.speaker.span = {tokens_[ev.who.first].start, tokens_[ev.who.last - 1].end};
  }
}

}  // namespace speakers
}  // namespace presslens
