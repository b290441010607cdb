// Each quote's context (the speech events after it in its sentence and before it) and its
// kind: direct (an utterance), partial (a fragment someone uttered) or scare (a title, a label,
// a fragment nobody is said to utter). Reads quote spans, tokens, word classes and events;
// writes nothing (returns the context and the kind).
#include "speakers/pass.h"

namespace presslens {
namespace speakers {

// A title or name: every word capitalised except short function words ("Schindler's List").
bool SpeakerPass::TitleCase(const QuoteSpan& q) const {
  int words = 0;
  for (int i = q.first; i < q.last; ++i) {
    if (!IsWord(i)) continue;
    if (++words > 7) return false;
    if (tokens_[i].upper_initial) continue;
    std::string_view w = Text(i);
    // "d'Outre": a particle glued to a capitalised word.
    if (w.size() > 2 && w[1] == '\'' && w[2] >= 'A' && w[2] <= 'Z') continue;
    if (!lists_.title_small_word.Has(Hash(kHashSeed, w), w)) return false;
  }
  return words > 0 && tokens_[q.first].kind != TokenKind::kPunct &&
         (q.first >= q.last || tokens_[q.first].upper_initial);
}

// The kind of a quoted fragment (Attribute): direct when it starts like a sentence right after
// a speech verb, scare quotes for titles and names, else partial.
PRESSLENS_OUT_OF_LINE QuoteKind SpeakerPass::FragmentKind(const QuoteSpan& q, int post,
                                                          int pre_strong, bool headline) const {
  const int o = q.open_token;
  int p = o - 1;
  if (p >= 0 && (Char(p, ',') || Char(p, ':'))) --p;
  const Event* adjacent = nullptr;
  int k = EventsFrom(p);
  if (p >= 0 && k < static_cast<int>(events_.size()) && events_[k].verb_end - 1 == p)
    adjacent = &events_[k];
  bool utter_near = false;
  for (int j = EventsFrom(std::max(0, o - 8)); j < static_cast<int>(events_.size()) &&
                                                 events_[j].verb < o; ++j)
    if (events_[j].cue->cls == CueClass::kUtter) utter_near = true;
  bool upper = q.first < q.last && tokens_[q.first].upper_initial;
  std::string_view last_inner = q.last > q.first ? Text(q.last - 1) : "";
  bool exclaim = last_inner == "!" || last_inner == "?";
  bool title = TitleCase(q);
  // A label: "so-called "X"", "known as "X"", "the "X" campaign" (unless a naming verb
  // states who uses it: "what critics called the "X" campaign").
  bool naming_near = false;
  for (int j = EventsFrom(std::max(0, o - 4)); j < static_cast<int>(events_.size()) &&
                                                events_[j].verb < o; ++j)
    if (events_[j].cue->cls == CueClass::kNaming && events_[j].had_subject) naming_near = true;
  bool label = false;
  if (o > 0 && Is(o - 1, kLabelIntro)) label = true;
  if (o > 1 && InList(o - 1, lists_.predicative_as) && InList(o - 2, lists_.label_verb))
    label = true;
  if (q.close_token >= 0 && q.close_token + 1 < n_ && IsWord(q.close_token + 1) &&
      Is(q.close_token + 1, kLabelNoun) && !naming_near)
    label = true;
  // "Kemp told a crowd in Los Angeles, "Keep your eyes open"", "But, he said, "we ...":
  // a clause after a comma or colon that closes a speech cue's phrase.
  bool clause_like = q.first < q.last && q.first < n_ &&
                     (upper || Is(q.first, kPronoun) || InList(q.first, lists_.expletive_subject));
  bool cue_before_comma = false;
  if (o > 0 && (Char(o - 1, ',') || Char(o - 1, ':')) && pre_strong >= 0 &&
      events_[pre_strong].verb >= o - 15 && events_[pre_strong].cue->cls != CueClass::kNaming)
    cue_before_comma = true;
  if (q.first < q.last && clause_like && !title && cue_before_comma) return QuoteKind::kDirect;
  if (upper && !title && adjacent && adjacent->cue->cls != CueClass::kReport) return QuoteKind::kDirect;
  if (upper && (utter_near || (title && exclaim))) return QuoteKind::kDirect;
  if (label || (title && post < 0) || (headline && post < 0)) return QuoteKind::kScare;
  return QuoteKind::kPartial;
}

// The speech events around quote qi: after it in its sentence ("Q," X said) and before it
// (X said: "Q"; X said that ... "Q"; what X termed "Q").
PRESSLENS_OUT_OF_LINE QuoteContext SpeakerPass::ContextOf(size_t qi, size_t count) const {
  QuoteContext c;
  c.qi = qi;
  c.q = &doc_.quote_spans[outer_[qi]];
  const QuoteSpan& q = *c.q;
  const int o = q.open_token;
  c.headline = Headline(SentenceOf(o));
  const int next_open = qi + 1 < count ? doc_.quote_spans[outer_[qi + 1]].open_token : n_;
  if (q.close_token >= 0 && q.close_token + 1 < n_) {
    int after = q.close_token + 1;
    int a = after;
    // "Q" (according to Moore): a parenthesis may hold the attribution.
    while (a < n_ && (Char(a, ',') || Char(a, '(') || Text(a) == "--") &&
           !tokens_[a].newline_before)
      ++a;
    // The splitter ends a sentence after `?"` or `."` before a capital: ""...?" Gore asked."
    // still attributes the quote when the attribution is the whole next sentence.
    const bool same = a < n_ && SentenceOf(a) == SentenceOf(q.close_token);
    // The quote's last mark of punctuation, past the closing marks of quotes inside it
    // (""... do you need?'" Weaver said.").
    int last_inner = q.last - 1;
    while (last_inner > q.first && IsMark(last_inner)) --last_inner;
    const bool next_sentence = a < n_ && !same && q.last > q.first &&
                               In(Text(last_inner), {"?", "!", ".", "..."});
    if (a < n_ && !tokens_[a].newline_before && (same || next_sentence)) {
      for (int k = EventsFrom(a); k < static_cast<int>(events_.size()); ++k) {
        const Event& ev = events_[k];
        if (ev.verb >= a + kPostWindow || ev.verb >= next_open ||
            SentenceOf(ev.verb) != SentenceOf(a))
          break;
        if (!ev.who.ok) continue;
        bool adjacent_ok =
            (ev.inverted && ev.verb <= a + 1) || (ev.who.first >= a && ev.who.first <= a + 8);
        if (adjacent_ok && !same) {
          // Only "X said." (maybe "on Monday", "in a statement"): not "X said he would ...".
          int end = std::max(ev.verb_end, ev.who.last);
          int k2 = end;
          while (k2 < n_ && k2 < end + 6 && SentenceOf(k2) == SentenceOf(a) &&
                 !In(Text(k2), {".", "!", "?"}) &&
                 (Is(k2, kPreposition) || Is(k2, kDeterminer) ||
                  Is(k2, kWeekday) || Is(k2, kRole) ||
                  InList(k2, lists_.statement_noun)))
            ++k2;
          adjacent_ok = k2 < n_ && In(Text(k2), {".", "!", "?"});
          // After a question or exclamation (the splitter ends the sentence at ""?""), also
          // a phrase that opens no reported clause after the cue (and its object): ""...?"
          // Pence said in response", "Sessions said as he opened the vote", "Trump told
          // Britain's ITV in an interview", "Clinton remarked, alluding to ...". After a full
          // stop a new sentence often reports something else ("Clinton said on Saturday he
          // had ...").
          int k3 = In(Text(last_inner), {"?", "!"}) ? end : n_;
          while (k3 < n_ && k3 < end + 6 && SentenceOf(k3) == SentenceOf(a) &&
                 (NameToken(k3) || tokens_[k3].kind == TokenKind::kClitic ||
                  Is(k3, kDeterminer | kRole) || InList(k3, lists_.statement_noun) ||
                  Adverb(k3)))
            ++k3;
          if (!adjacent_ok && k3 < n_ && SentenceOf(k3) == SentenceOf(a) &&
              (Char(k3, ',') || Is(k3, kPreposition) || InList(k3, lists_.subordinator))) {
            // No reported clause after the phrase: a subject pronoun only after a
            // subordinator ("as he opened"; not "said on Monday he would leave").
            adjacent_ok = true;
            for (int t = k3 + 1; t < n_ && t < k3 + 15 && SentenceOf(t) == SentenceOf(a); ++t)
              if (InList(t, lists_.subject_pronoun) && !InList(t - 1, lists_.subordinator) &&
                  !InList(t - 1, lists_.clause_opener)) {
                adjacent_ok = false;
                break;
              }
          }
        }
        if (adjacent_ok) c.post = k;
        break;
      }
    }
  }
  int lo = std::max(SentenceFirst(o), o - kPreWindow);
  for (int k = EventsFrom(o) - 1; k >= 0 && events_[k].verb >= lo; --k) {
    const Event& ev = events_[k];
    if (!ev.who.ok) {
      c.pre_unresolved |= ev.had_subject && ev.cue->cls != CueClass::kReport;
      continue;
    }
    if (ev.cue->cls == CueClass::kReport) {
      if (c.pre_report < 0) c.pre_report = k;
    } else if (c.pre_strong < 0) {
      c.pre_strong = k;
    }
  }
  return c;
}

// The quote's kind: a fragment right after a speech verb that starts like a sentence is direct
// ("called "Troops out!"", "he added, "It is ...""); titles and names are scare quotes.
QuoteKind SpeakerPass::KindOf(const QuoteContext& c) const {
  const QuoteSpan& q = *c.q;
  if (q.starts_clause) {
    // A quoted noun phrase that is the subject of the reporter's sentence (""Chemical
    // products" came next") is a fragment, not an utterance.
    if (c.post >= 0 || q.close_token < 0 || q.close_token + 1 >= n_ || q.last <= q.first)
      return QuoteKind::kDirect;
    std::string_view last_inner = Text(q.last - 1);
    int a = q.close_token + 1;
    bool ends_clause = In(last_inner, {",", ".", "!", "?", "...", ";", ":", "-", "--"}) ||
                       IsMark(q.last - 1);
    if (ends_clause || !IsWord(a) || tokens_[a].upper_initial || tokens_[a].newline_before ||
        SentenceOf(a) != SentenceOf(q.close_token))
      return QuoteKind::kDirect;
    return (TitleCase(q) || c.pre_strong < 0) ? QuoteKind::kScare : QuoteKind::kPartial;
  }
  return FragmentKind(q, c.post, c.pre_strong, c.headline);
}

}  // namespace speakers
}  // namespace presslens
