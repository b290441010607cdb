// The attribution rules: Attribute tries them in order for each quote, each rule a function
// that returns the attribution it finds or none; transcript turns ("PENCE: ...") are quotes
// without marks. Reads quote contexts and kinds, events and tokens; writes doc->quotes (kind,
// speaker, cue, rule).
#include <algorithm>
#include <vector>

#include "speakers/pass.h"

namespace presslens {
namespace speakers {

PRESSLENS_OUT_OF_LINE void SpeakerPass::Attribute() {
  auto& quotes = doc_.quotes;
  const size_t count = outer_.size();
  quotes.resize(count);
  std::vector<int>& from_event = s_.from_event;  // event index the quote's attribution uses
  from_event.assign(count, -1);
  for (size_t qi = 0; qi < count; ++qi) {
    QuoteRecord& out = quotes[qi];
    out.span = outer_[qi];
    const QuoteContext c = ContextOf(qi, count);
    out.kind = KindOf(c);
    Attribution a;
    if (out.kind == QuoteKind::kScare) {
      out.rule.rule = QuoteRule::kScare;
      continue;
    }
    if (out.kind == QuoteKind::kPartial) {
      a = FragmentSpeaker(c);
      if (!a && c.pre_unresolved) {
        out.rule.rule = QuoteRule::kNoSpeaker;  // a user is stated, but not who it is
        continue;
      }
      if (!a) {
        out.kind = QuoteKind::kScare;  // a fragment nobody is said to have uttered
        out.rule.rule = QuoteRule::kScare;
        continue;
      }
    } else if (!(a = SpeakerAfter(c))) {
      if (const Who dash = DashSpeaker(c); dash.ok) {
        SetSpeakerWithoutCue(dash, QuoteRule::kDashName, &out);
        continue;
      }
      if (const Who turn = TranscriptLabel(c); turn.ok) {
        SetSpeakerWithoutCue(turn, QuoteRule::kTranscript, &out);
        continue;
      }
      // A clause ending in the colon before the quote names its speaker before an earlier
      // quote's speaker is continued ("..." he said. McConnell delivered a message: "Q").
      if (!(a = SpeakerBefore(c)) && !(a = ColonEventBefore(c))) {
        if (const Who subject = ColonSubject(c); subject.ok) {
          SetSpeakerWithoutCue(subject, QuoteRule::kLabel, &out);
          continue;
        }
        if (!(a = ContinuesPrevious(c, from_event))) {
          if (const Who label = LabelSpeaker(c); label.ok) {
            SetSpeakerWithoutCue(label, QuoteRule::kLabel, &out);
            continue;
          }
          a = SpeakerPreviousSentence(c);
        }
      }
    }
    if (!a) continue;
    from_event[qi] = a.event;
    if (a.quote >= 0) {
      const QuoteRecord& prev = quotes[a.quote];
      TakeSpeaker(prev, &out);
      out.rule = a.rule;
    } else {
      Assign(&out, events_[a.event], a.rule);
    }
  }

  CarrySpeakers(count);
}

QuoteRuleId SpeakerPass::RuleFor(const Event& ev, bool post) const {
  QuoteRuleId id;
  id.rule = QuoteRule::kEvent;
  id.speaker = ev.who.kind == Who::kPronoun       ? SpeakerForm::kPronoun
               : ev.who.kind == Who::kDescription ? SpeakerForm::kDescription
               : ev.who.kind == Who::kJoint       ? SpeakerForm::kJoint
                                                  : SpeakerForm::kName;
  id.cue = ev.cue->cls == CueClass::kAccording ? SpeechCueForm::kAccordingTo
           : ev.cue->cls == CueClass::kNaming  ? SpeechCueForm::kTermed
           : ev.cue->lemma == "say"            ? SpeechCueForm::kSaid
           : ev.cue->lemma == "tell"           ? SpeechCueForm::kTold
                                               : SpeechCueForm::kOther;
  id.after = post;
  id.inverted = ev.inverted;
  return id;
}

// The attribution rules, each for one configuration; each returns the attribution it finds
// or none.

// A fragment takes the nearest speaker around it: X called it "a disgrace"; "a disgrace," X said.
// A speech event after it reports the whole sentence, a report verb before it included: "The
// leaders agreed to meet "to solidify the ceasefire", Davies said" is Davies's.
Attribution SpeakerPass::FragmentSpeaker(const QuoteContext& c) const {
  if (c.pre_strong >= 0) return {c.pre_strong, -1, RuleFor(events_[c.pre_strong], false)};
  if (c.post >= 0) return {c.post, -1, RuleFor(events_[c.post], true)};
  if (c.pre_report >= 0) return {c.pre_report, -1, RuleFor(events_[c.pre_report], false)};
  return {};
}

// "Q," Lavrov said. / "Q," said Lavrov. / "Q," according to Lavrov.
Attribution SpeakerPass::SpeakerAfter(const QuoteContext& c) const {
  if (c.post < 0) return {};
  return {c.post, -1, RuleFor(events_[c.post], true)};
}

// Lavrov said: "Q". / Lavrov said that ... "Q". / Lavrov agreed, "Q".
Attribution SpeakerPass::SpeakerBefore(const QuoteContext& c) const {
  int pre = c.pre_strong;
  if (pre < 0 && c.pre_report >= 0 && events_[c.pre_report].verb >= c.q->open_token - 3)
    pre = c.pre_report;
  if (pre < 0) return {};
  return {pre, -1, RuleFor(events_[pre], false)};
}

// True when quote c fills the rest of its sentence (no word after it), outside headlines: it
// may continue an earlier speaker.
bool SpeakerPass::FillsSentence(const QuoteContext& c) const {
  const int s = SentenceOf(c.q->open_token);
  if (s < 0 || c.headline) return false;
  const Sentence& sent = doc_.sentences[s];
  int end = c.q->close_token >= 0 ? c.q->close_token + 1 : c.q->last;
  if (sent.last - end >= 50) return false;  // bounded: a quote in a huge "sentence" does not fill it
  // "Q." -- Chicago Newsdesk 312-408-8787: a sign-off after a dash (capitalised words and
  // numbers only), once the quote has ended its sentence, is not part of it.
  if (end < n_ && chunker_.Dash(end) && c.q->last > c.q->first &&
      In(Text(c.q->last - 1), {".", "!", "?"})) {
    bool sign_off = true;
    for (int i = end + 1; i < sent.last && i < n_ && sign_off; ++i)
      sign_off = !IsWord(i) || tokens_[i].upper_initial;
    if (sign_off) return true;
  }
  for (int i = end; i < sent.last && i < n_; ++i)
    if (tokens_[i].kind == TokenKind::kWord || tokens_[i].kind == TokenKind::kNumber)
      return false;
  return true;
}

// "A," he said. "B." -> B continues A's speaker (A attributed through a speech cue, in this
// sentence or the one before).
Attribution SpeakerPass::ContinuesPrevious(const QuoteContext& c,
                                           const std::vector<int>& from_event) const {
  const size_t qi = c.qi;
  if (qi == 0 || !FillsSentence(c) || !doc_.quotes[qi - 1].has_speaker) return {};
  const int prev_event = from_event[qi - 1];
  if (prev_event < 0) return {};
  const CueClass cls = events_[prev_event].cue->cls;
  const QuoteSpan& pq = doc_.quote_spans[outer_[qi - 1]];
  // A report verb right after the quote speaks it too: ""A," Gorka urged. "B.""
  const bool report_after = cls == CueClass::kReport && events_[prev_event].verb > pq.open_token;
  if (cls != CueClass::kSpeech && cls != CueClass::kNaming && cls != CueClass::kUtter &&
      cls != CueClass::kAccording && !report_after)
    return {};
  int pend = pq.close_token >= 0 ? pq.close_token : std::max(pq.first, pq.last - 1);
  int ps = SentenceOf(std::min(pend, n_ - 1));
  const int s = SentenceOf(c.q->open_token);
  // The previous quote's attribution may follow it in its sentence ("A," he said.).
  if (ps > s || ps < s - 2) return {};
  // ""A," Obama said after the meeting. He did not suggest retaliation. "B."": one sentence
  // between, without speech or quotes, whose subject pronoun stands for the same speaker.
  if (ps == s - 2 && !NarrativeAbout(s - 1, doc_.quotes[qi - 1], events_[prev_event].who))
    return {};
  return {prev_event, static_cast<int>(qi - 1), {QuoteRule::kContinuation}};
}

// Sentence s opens with a subject pronoun that stands for the speaker of `prev` (attributed
// to `prev_who`): the coreference pass's antecedent, or a person when it found none; and it
// holds no quote and no speech event of anyone else.
bool SpeakerPass::NarrativeAbout(int s, const QuoteRecord& prev, const Who& prev_who) const {
  const Sentence& sent = doc_.sentences[s];
  if (sent.first >= sent.last || !InList(sent.first, lists_.subject_pronoun)) return false;
  for (int k = EventsFrom(sent.first); k < static_cast<int>(events_.size()) &&
                                       events_[k].verb < sent.last; ++k)
    if (events_[k].who.ok && events_[k].who.name != prev.speaker.name) return false;
  for (int i = sent.first; i < sent.last; ++i)
    if (IsWord(i) && InQuote(i)) return false;
  const Reference* ref = doc_.ReferenceAt(sent.first);
  if (!ref || ref->antecedent_first < 0) {
    // Left open ("..., Obama said after meeting Putin. He ..."): "he" or "she" after a person.
    return prev_who.human && !prev_who.plural &&
           (InList(sent.first, lists_.masculine_pronoun) ||
            InList(sent.first, lists_.feminine_pronoun));
  }
  const Who who = ActorAt(ref->antecedent_first, ref->antecedent_last);
  return who.ok && who.name == prev.speaker.name;
}

// Lavrov spoke on Monday. "Q." -> the last speaker of the sentence before.
Attribution SpeakerPass::SpeakerPreviousSentence(const QuoteContext& c) const {
  const int s = SentenceOf(c.q->open_token);
  if (s <= 0 || !FillsSentence(c) || Headline(s - 1)) return {};
  const Sentence& before = doc_.sentences[s - 1];
  int best = -1;
  for (int k = EventsFrom(before.first);
       k < static_cast<int>(events_.size()) && events_[k].verb < before.last; ++k)
    if (events_[k].who.ok && events_[k].cue->cls == CueClass::kSpeech) best = k;
  if (best < 0) return {};
  return {best, -1, {QuoteRule::kSpeakerPreviousSentence}};
}

// "Q." — Commissioner Margaret Hale: a dash right after the closing mark (or opening the next
// line), then a name or a description that ends its line or is followed by a comma or a
// preposition ("— Margaret Hale, in a statement", "— a spokesman for the ministry"). No speech
// cue: the dash attributes the quote.
Who SpeakerPass::DashSpeaker(const QuoteContext& c) const {
  const QuoteSpan& q = *c.q;
  const int d = q.close_token + 1;
  if (q.close_token < 0 || d >= n_) return {};
  if (!chunker_.Dash(d)) return {};
  int e = d + 1;  // the token after the dash
  if (Char(d, '-') && e < n_ && Char(e, '-') && !tokens_[e].space_before) ++e;  // "--"
  int limit = e;
  while (limit < n_ && limit < e + 13 && !tokens_[limit].newline_before) ++limit;
  if (e >= limit || tokens_[e].kind != TokenKind::kWord ||
      !(tokens_[e].upper_initial || Is(e, kDeterminer)))
    return {};
  Who who = ParseRight(e, limit);
  if (!who.ok || who.kind == Who::kPronoun) return {};
  if (who.last < limit && !In(Text(who.last), {",", ".", ";"}) && !Is(who.last, kPreposition))
    return {};
  return who;
}

// Philip Bump: "Q" / From the report: "Q": a name or description right before the colon that
// opens the quote, with no speech verb, standing at the start of its sentence or line, after
// a dash, or after "from": the label attributes the quote. Not in headlines (a headline quote
// takes the speaker of the body quote it repeats).
Who SpeakerPass::LabelSpeaker(const QuoteContext& c) const {
  const int colon = c.q->open_token - 1;
  if (c.headline || colon < 2 || !Char(colon, ':')) return {};
  // "McCrummen reports:" is a speech verb's (SpeakerBefore); "the report:" a noun.
  if (CueAt(colon - 1) && !(Is(colon - 2, kDeterminer) || InList(colon - 2, lists_.noun_determiner)))
    return {};
  const int first = SentenceFirst(colon);
  Who who = ParseLeft(colon - 1, std::max(first, colon - 12));
  if (!who.ok || who.kind == Who::kPronoun || who.last != colon) return {};
  // The phrase's first word: titles, role nouns and a determiner may stand before the name.
  int start = who.first;
  while (start > first && start > who.first - 4 && IsWord(start - 1) &&
         (NameToken(start - 1) || Is(start - 1, kTitle) || Is(start - 1, kRole) ||
          Is(start - 1, kDeterminer) || InList(start - 1, lists_.noun_determiner)))
    --start;
  // A description needs its determiner ("the report"): a title-case phrase ("Warren Hammers
  // Wells Fargo CEO") is no label.
  if (who.kind == Who::kDescription && !Is(start, kDeterminer) &&
      !InList(start, lists_.noun_determiner))
    return {};
  if (who.kind == Who::kName && who.last - who.first > 4) return {};  // a title, not a name
  const int before = start - 1;
  const bool opens = start == first || tokens_[start].newline_before ||
                     chunker_.Dash(before) || InList(before, lists_.label_preposition);
  return opens ? who : Who();
}

// The colon right before quote c that ends the clause introducing it, in the quote's
// sentence or the one before ("Cruz continued: <paragraph> "Q.""); -1 when there is none.
int SpeakerPass::IntroducingColon(const QuoteContext& c) const {
  const int colon = c.q->open_token - 1;
  if (c.headline || colon < 1 || !Char(colon, ':')) return -1;
  const int s = SentenceOf(colon);
  if (s < 0 || s < SentenceOf(c.q->open_token) - 1 || Headline(s)) return -1;
  return colon;
}

// Cruz continued: <paragraph> "Q.": the quote opens the paragraph after a clause that ends in
// a colon; that clause's last speech event (not a report verb) gives speaker and cue.
Attribution SpeakerPass::ColonEventBefore(const QuoteContext& c) const {
  const int colon = IntroducingColon(c);
  if (colon < 0 || SentenceOf(colon) == SentenceOf(c.q->open_token)) return {};
  const int first = std::max(SentenceFirst(colon), colon - kPreWindow);
  for (int k = EventsFrom(colon) - 1; k >= 0 && events_[k].verb >= first; --k)
    if (events_[k].who.ok && events_[k].cue->cls != CueClass::kReport)
      return {k, -1, RuleFor(events_[k], false)};
  return {};
}

// President Clinton released the following statement: "Q." / Trump leaned in and boomed:
// "Q.": with no speech verb, the subject of the clause that ends in the colon (a named entity,
// or "he"/"she" standing for one) says the quote. The clause is the last one before the colon
// that has a subject ("When I laughed, she said I had to change my answer:" is "I"'s).
Who SpeakerPass::ColonSubject(const QuoteContext& c) const {
  const int colon = IntroducingColon(c);
  if (colon < 0) return {};
  const int first = std::max(SentenceFirst(colon), colon - kSubjectWindow);
  int open = colon - 1;  // where the last clause before the colon opens
  while (open > first && !Char(open - 1, ',') && !Char(open - 1, ';') &&
         !InList(open - 1, lists_.clause_opener) && !InList(open - 1, lists_.subordinator))
    --open;
  // A speech verb with a subject in the clause is its attribution, even when its subject stays
  // unresolved ("he said:"), not the clause's first subject.
  for (int k = EventsFrom(open); k < static_cast<int>(events_.size()) && events_[k].verb < colon; ++k)
    if (events_[k].had_subject) return {};
  Who who = ClauseSubject(colon, open, true);
  if (!who.ok && open > first) who = ClauseSubject(colon, first, true);
  if (!who.ok) return {};
  if (who.kind == Who::kPronoun) {
    if (!InList(who.first, lists_.masculine_pronoun) && !InList(who.first, lists_.feminine_pronoun))
      return {};
    Resolve(&who);
  }
  const bool named = who.ok && who.entity >= 0;
  return named && (who.kind == Who::kName || who.kind == Who::kPronoun) ? who : Who();
}

// The one person entity whose name ends with `word` ("pence" -> "Mike Pence"); -1 when the text
// names none or two people of that name. The person entities are indexed by the hash of their
// last word, lower-cased, on the first call.
int SpeakerPass::PersonByLastWord(std::string_view word) const {
  auto last_word = [](std::string_view name) {
    const size_t space = name.rfind(' ');
    return name.substr(space == std::string_view::npos ? 0 : space + 1);
  };
  auto lower_hash = [](std::string_view w) {
    std::string lower(w);
    for (char& c : lower)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return Hash(kHashSeed, lower);
  };
  if (!person_by_last_built_) {
    person_by_last_built_ = true;
    for (size_t e = 0; e < doc_.entities.size(); ++e)
      if (doc_.entities[e].type == EntityTypeName(EntityType::kPerson))
        person_by_last_.emplace_back(lower_hash(last_word(doc_.entities[e].name)),
                                     static_cast<int>(e));
    std::sort(person_by_last_.begin(), person_by_last_.end());
  }
  const uint64_t h = lower_hash(word);
  int entity = -1;
  for (auto it = std::lower_bound(person_by_last_.begin(), person_by_last_.end(),
                                  std::make_pair(h, -1));
       it != person_by_last_.end() && it->first == h; ++it) {
    if (!EqualsIgnoreCase(last_word(doc_.entities[it->second].name), word)) continue;
    if (entity >= 0) return -1;
    entity = it->second;
  }
  return entity;
}

// The colon of the label in capitals that opens quote q ("PENCE: ..."), or -1.
int SpeakerPass::LabelColon(const QuoteSpan& q) const {
  int k = q.first;
  while (k < q.last && k < q.first + 3 && IsWord(k) && tokens_[k].all_caps &&
         tokens_[k].end - tokens_[k].start >= 2)
    ++k;
  return k > q.first && k < q.last && Char(k, ':') ? k : -1;
}

// "PENCE: Well, look, ..." inside quote marks (a transcript quoted turn by turn): one to three
// words in capitals and a colon open the quote, and the text names exactly one person whose
// name ends with the label's last word: that person.
Who SpeakerPass::TranscriptLabel(const QuoteContext& c) const {
  const QuoteSpan& q = *c.q;
  const int k = LabelColon(q);
  if (k < 0 || k + 3 >= q.last) return {};
  const int entity = PersonByLastWord(LowerAt(k - 1));
  if (entity < 0) return {};
  Who who = Who::At(Who::kName, q.first, k);
  who.entity = entity;
  who.name = doc_.entities[entity].name;
  who.human = true;
  return who;
}

// A transcript: "PENCE: Well, look, we are going to rebuild ..." A line that opens with one to
// three words in capitals and a colon, then at least three words, is a turn of the person the
// label names when the text names a person whose name ends with the label's last word ("Mike
// Pence"): a direct quote (no marks) from after the colon to the end of the line, appended
// after the quotes with marks (rule TRANSCRIPT_TURN, no cue). A line whose words after the
// colon open with a quote mark is left to the quote's own rules.
PRESSLENS_OUT_OF_LINE void SpeakerPass::TranscriptTurns() {
  for (int i = 0; i < n_; ++i) {
    if (!(i == 0 || tokens_[i].newline_before)) continue;
    int k = i;
    while (k < n_ && k < i + 3 && IsWord(k) && tokens_[k].all_caps && tokens_[k].end - tokens_[k].start >= 2 &&
           (k == i || !tokens_[k].newline_before))
      ++k;
    if (k == i || k >= n_ || !Char(k, ':') || tokens_[k].newline_before) continue;
    int end = k + 1, words = 0;
    while (end < n_ && !tokens_[end].newline_before) {
      words += IsWord(end);
      ++end;
    }
    if (words < 3 || tokens_[k + 1].kind == TokenKind::kQuote || InQuote(k + 1)) continue;
    const int entity = PersonByLastWord(LowerAt(k - 1));
    if (entity < 0) continue;
    QuoteRecord& r = doc_.quotes.emplace_back();
    r.span = -1;
    r.start = tokens_[k + 1].start;
    r.end = tokens_[end - 1].end;
    r.kind = QuoteKind::kDirect;
    r.has_speaker = true;
    r.speaker.entity = entity;
    r.speaker.name = doc_.entities[entity].name;
    r.speaker.span = {tokens_[i].start, tokens_[k - 1].end};
    r.rule.rule = QuoteRule::kTranscript;
    i = end - 1;
  }
}

}  // namespace speakers
}  // namespace presslens
