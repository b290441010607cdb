// Speakers written into quote records, and carried from quote to quote once each found its
// own: an unterminated quote takes the next one's speaker, a headline quote the speaker of the
// body quote it repeats. Reads and writes doc->quotes.
#include <string_view>
#include <vector>

#include "speakers/pass.h"

namespace presslens {
namespace speakers {

// The actor's entity, name and text span.
void SpeakerPass::WriteActor(const Who& who, Actor* out) const {
  out->entity = who.entity;
  out->name = who.name;
  out->span = {tokens_[who.first].start, tokens_[who.last - 1].end};
}

// `to` takes the speaker and cue of `from` (its rule is the caller's).
void SpeakerPass::TakeSpeaker(const QuoteRecord& from, QuoteRecord* to) {
  to->has_speaker = true;
  to->speaker = from.speaker;
  to->has_cue = from.has_cue;
  to->cue = from.cue;
}

void SpeakerPass::Assign(QuoteRecord* out, const Event& ev, QuoteRuleId rule) const {
  out->has_speaker = true;
  WriteActor(ev.who, &out->speaker);
  out->has_cue = true;
  out->cue.lemma = ev.cue->lemma;
  out->cue.span = {tokens_[ev.verb].start, tokens_[ev.verb_end - 1].end};
  out->cue.cameo.clear();
  out->rule = rule;
}

// A quote's speaker named without a speech verb (a dash, a label): no cue.
void SpeakerPass::SetSpeakerWithoutCue(const Who& who, QuoteRule rule, QuoteRecord* out) const {
  out->has_speaker = true;
  WriteActor(who, &out->speaker);
  out->has_cue = false;
  out->rule.rule = rule;
}

// Speakers carried from one quote to another after each found its own (Attribute); a quote
// left without one is QUOTE_NO_SPEAKER (unless scare).
PRESSLENS_OUT_OF_LINE void SpeakerPass::CarrySpeakers(size_t count) {
  ContinuedByNext(count);
  ReopenedParagraphs(count);
  HeadlineRepeatsBody(count);
  auto& quotes = doc_.quotes;
  for (size_t qi = 0; qi < count; ++qi)
    if (!quotes[qi].has_speaker && quotes[qi].kind != QuoteKind::kScare)
      quotes[qi].rule.rule = QuoteRule::kNoSpeaker;
}

// Newswire paragraphs: "A <newline> "B," he said: an unterminated quote re-opened by the next
// one takes its speaker.
void SpeakerPass::ContinuedByNext(size_t count) {
  auto& quotes = doc_.quotes;
  for (size_t qi = count; qi-- > 1;) {
    QuoteRecord& next = quotes[qi];
    QuoteRecord& cur = quotes[qi - 1];
    const QuoteSpan& q = doc_.quote_spans[outer_[qi - 1]];
    if (cur.has_speaker || cur.kind != QuoteKind::kDirect || q.close_token >= 0 || !next.has_speaker) continue;
    if (doc_.quote_spans[outer_[qi]].open_token != q.last) continue;
    TakeSpeaker(next, &cur);
    cur.rule.rule = QuoteRule::kContinuedByNext;
  }
}

// A quote over several paragraphs, each reopening the mark: He listed them: <paragraph> "A
// <paragraph> "B <paragraph> "C." -- B and C continue A's speaker (rule QUOTE_CONTINUATION).
void SpeakerPass::ReopenedParagraphs(size_t count) {
  auto& quotes = doc_.quotes;
  for (size_t qi = 1; qi < count; ++qi) {
    const QuoteRecord& cur = quotes[qi - 1];
    QuoteRecord& next = quotes[qi];
    const QuoteSpan& q = doc_.quote_spans[outer_[qi - 1]];
    if (!cur.has_speaker || cur.kind != QuoteKind::kDirect || q.close_token >= 0 ||
        next.has_speaker || next.kind == QuoteKind::kScare)
      continue;
    const QuoteSpan& nq = doc_.quote_spans[outer_[qi]];
    // A transcript's next turn ("WALLACE: ...") is somebody else's.
    if (nq.open_token != q.last || LabelColon(nq) >= 0) continue;
    TakeSpeaker(cur, &next);
    next.rule = {};
    next.rule.rule = QuoteRule::kContinuation;
  }
}

// A headline quote repeats a body quote: it takes that quote's speaker. Bounded work: the
// first few headline quotes, each compared with a limited number of later quotes.
PRESSLENS_OUT_OF_LINE void SpeakerPass::HeadlineRepeatsBody(size_t count) {
  auto& quotes = doc_.quotes;
  int headline_checked = 0;
  for (size_t qi = 0; qi < count && headline_checked < 5; ++qi) {
    const QuoteSpan& q = doc_.quote_spans[outer_[qi]];
    QuoteRecord& out = quotes[qi];
    int s = SentenceOf(q.open_token);
    // Headlines: lines without final punctuation, and the document's first line.
    if (out.has_speaker || out.kind == QuoteKind::kScare || !(Headline(s) || s == 0)) continue;
    ++headline_checked;
    std::vector<std::string_view> words;
    for (int i = q.first; i < q.last && words.size() < 40; ++i)
      if (IsWord(i)) words.push_back(LowerAt(i));
    if (words.empty()) continue;
    StringIndex body;  // the words of a body quote
    for (size_t k = qi + 1; k < count && k < qi + 200; ++k) {
      if (!quotes[k].has_speaker) continue;
      const QuoteSpan& b = doc_.quote_spans[outer_[k]];
      const int end = std::min(b.last, b.first + 2000);
      body.Reserve(static_cast<size_t>(std::max(0, end - b.first)));
      for (int i = b.first; i < end; ++i)
        if (IsWord(i)) {
          const std::string_view w = LowerAt(i);
          body.Emplace(Hash(kHashSeed, w), w, 0);
        }
      bool all = true;
      for (std::string_view w : words)
        if (!body.Find(Hash(kHashSeed, w), w)) {
          all = false;
          break;
        }
      if (!all) continue;
      TakeSpeaker(quotes[k], &out);
      out.rule.rule = QuoteRule::kHeadlineRepeatsBody;
      break;
    }
  }
}

}  // namespace speakers
}  // namespace presslens
