// Indexes the document for the speaker pass: each token's word classes (speech_cues.h), its
// cue, whether it is a name token or inside a quote; the outermost quotes; the entities by
// name, each with its name as the article writes it; which lines are headlines.
// Reads tokens, lower-case text and hashes, mentions, entities, quote spans; writes the pass's
// per-token arrays, cue tokens, outer quotes, entity_by_name_ and article_name_ (and frees them
// and the name indexes after a long text's quotes are attributed).
#include "speakers/pass.h"

namespace presslens {
namespace speakers {

// A line of its own without final punctuation (a closing mark after the period does not make
// a line a headline: `... region.”`; a colon ends a line that introduces what follows: `He
// said:`).
bool SpeakerPass::Headline(int sentence) const {
  if (sentence < 0) return false;
  const Sentence& s = doc_.sentences[sentence];
  if (!s.headline) return false;
  int i = s.last - 1;
  while (i > s.first && (IsMark(i) || Char(i, ')'))) --i;
  std::string_view t = Text(i);
  return !(t == "." || t == "!" || t == "?" || t == "..." || t == "\xE2\x80\xA6" || t == ":");
}

// The document's entities and per-token classes; name runs of the document: the fullest form
// of each name (by its last and first word), and the runs that stand in subject position (for
// "he" in the same sentence).
PRESSLENS_OUT_OF_LINE void SpeakerPass::Index() {
  IndexEntities();
  // Each token's word classes and cue: one probe with its folded hash, and one with the hash
  // of its spelling only when that has capitals and some word of an exact-case list has the
  // same lower-case form (kSpellings).
  // One pass fills every per-token array (through plain pointers, so that the compiler keeps
  // them in registers).
  const uint64_t* folded = doc_.folded_hash.data();
  const char* lower = doc_.lower_text.data();
  const Token* tk = tokens_.data();
  const uint8_t* const marks = mention_at_.marks;
  uint32_t* class_bits = class_.data();
  for (int i = 0; i < n_; ++i) {
    const Token& t = tk[i];
    uint32_t bits = 0;
    const CueInfo* cue = nullptr;
    if (const SpeechLexicon::Entry* e =
            lex_.Find(folded[i], std::string_view(lower + t.start, t.end - t.start))) {
      bits = e->lower & ~kSpellings;
      if (t.kind == TokenKind::kWord && (cue = lex_.cue(*e))) {
        cue_tokens_.push_back(i);
        cues_.push_back(cue);
      }
      if (!t.capitals) {
        bits |= e->exact;
      } else if (e->lower & kSpellings) {
        const std::string_view w = Text(i);
        if (const SpeechLexicon::Entry* x = lex_.Find(Hash(kHashSeed, w), w)) bits |= x->exact;
      }
    }
    // ComputeNameToken(i), with the class bits at hand.
    bool name = false;
    if (t.kind == TokenKind::kWord && t.upper_initial) {
      const EntityType type = marks[i] >> TokenMentions::kMentionShift
                                  ? doc_.mentions[mention_at_[i]].type
                                  : EntityType::kMisc;
      name = type == EntityType::kPerson || type == EntityType::kOrg || !(bits & kNotName);
    }
    class_bits[i] = bits | (cue ? kCueBit : 0u) | (name ? kNameTokenBit : 0u);
  }
  for (size_t k = 0; k < doc_.quote_spans.size(); ++k) {
    const QuoteSpan& q = doc_.quote_spans[k];
    if (q.nested) continue;
    outer_.push_back(static_cast<int>(k));
    for (int i = q.open_token; i < QuoteEnd(q) && i < n_; ++i) class_bits[i] |= kInQuoteBit;
  }
  AddVerbsAfterQuotes();
  IndexNameRuns();
}

// The entities by name, each with its name as the article writes it.
PRESSLENS_OUT_OF_LINE void SpeakerPass::IndexEntities() {
  const auto& entities = doc_.entities;
  entity_by_name_.Reserve(2 * entities.size());
  entity_type_.resize(entities.size());
  for (size_t e = 0; e < entities.size(); ++e) {
    entity_by_name_.Emplace(Hash(kHashSeed, entities[e].name), entities[e].name,
                            static_cast<int>(e));
    entity_type_[e] = EntityTypeOf(entities[e].type);
  }
  // Each entity's canonical name when a mention spells it, else its longest mention (the
  // first of that size): mentions are compared by the size of their text, which is built from
  // tokens (no stray bytes) only once per entity, when it is kept.
  using Longest = SpeakerScratch::Longest;
  std::vector<Longest>& longest = s_.longest;
  longest.assign(entities.size(), Longest());
  for (const Mention& m : doc_.mentions) {
    if (m.entity < 0 || m.entity >= static_cast<int>(entities.size()) || longest[m.entity].exact ||
        m.first >= m.last || m.last > n_)
      continue;
    Longest& l = longest[m.entity];
    if (RawTextIs(m.first, m.last, entities[m.entity].name)) {
      l.exact = true;
    } else {
      const size_t size = RawTextSize(m.first, m.last);
      if (size > l.size) l = {m.first, m.last, size, false};
    }
  }
  article_text_.clear();
  std::vector<size_t>& offset = s_.offset;
  offset.assign(entities.size(), 0);
  for (size_t e = 0; e < entities.size(); ++e) {
    if (longest[e].exact || longest[e].size == 0) continue;
    offset[e] = article_text_.size();
    for (int k = longest[e].first; k < longest[e].last; ++k) {
      if (k > longest[e].first && tokens_[k].space_before) article_text_.push_back(' ');
      article_text_.append(Text(k));
    }
  }
  article_name_.resize(entities.size());
  for (size_t e = 0; e < entities.size(); ++e) {
    article_name_[e] = longest[e].exact || longest[e].size == 0
                           ? std::string_view(entities[e].name)
                           : std::string_view(article_text_).substr(offset[e], longest[e].size);
    entity_by_name_.Emplace(Hash(kHashSeed, article_name_[e]), article_name_[e],
                            static_cast<int>(e));
  }
}

// Frees the name indexes (a long text, once the quotes are attributed): ExportEvents reads
// only the events and the tokens. The per-token classes are freed after ExportEvents (Run), so
// that the events do not split their block (four bytes a token), which the condemnation
// stage's per-token array then fits in.
void SpeakerPass::ReleaseIndexes() {
  full_by_last_ = StringIndex();
  full_by_first_ = StringIndex();
  entity_by_name_ = StringIndex();
}

}  // namespace speakers
}  // namespace presslens
