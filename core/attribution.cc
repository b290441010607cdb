#include "attribution.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "attribution_model.h"
#include "chunker.h"
#include "data.h"
#include "speech_cues.h"

namespace presslens {

struct AttributionScratch {
  AttributionFeatures feats;
  std::vector<uint8_t> tags;
  struct Piece {
    int role, first, last;  // tokens [first, last)
  };
  std::vector<Piece> pieces;  // the tagged spans of the sentence being read
};

namespace {

using Piece = AttributionScratch::Piece;

// Content pieces at most this many tokens apart are merged; shorter contents are dropped.
constexpr int kMergeGap = 12;
constexpr int kMinWords = 2;
// A source read by the chunker (a subject phrase, a relative pronoun's antecedent) has at most
// this many tokens.
constexpr int kMaxPhrase = 8;

bool IsWordToken(const Token& t) { return t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber; }

// Token distance between two token ranges (0 when they touch or overlap).
int Gap(const Piece& a, const Piece& b) {
  if (a.last <= b.first) return b.first - a.last;
  if (b.last <= a.first) return a.first - b.last;
  return 0;
}

// The piece of `role` nearest to `to`, or nullptr.
const Piece* Nearest(const std::vector<Piece>& pieces, int role, const Piece& to) {
  const Piece* best = nullptr;
  for (const Piece& p : pieces)
    if (p.role == role && (!best || Gap(p, to) < Gap(*best, to))) best = &p;
  return best;
}

class Reader {
 public:
  Reader(Document* doc, AttributionScratch* s, const SpeechLexicon& lexicon, const Chunker& chunker,
         const WordHashSet& relative, const WordHashSet& time)
      : doc_(*doc), s_(*s), lexicon_(lexicon), chunker_(chunker), relative_(relative), time_(time) {}

  // Appends the reported speech of the tagged sentence [first, last).
  void Sentence(int first, int last) {
    s_.pieces.clear();
    for (int i = first; i < last; ++i) {
      const int tag = s_.tags[i];
      if (tag == 0) continue;
      if (!AttrInside(tag) || s_.pieces.empty() || s_.pieces.back().last != i ||
          s_.pieces.back().role != AttrRoleOf(tag))
        s_.pieces.push_back({AttrRoleOf(tag), i, i + 1});
      else
        s_.pieces.back().last = i + 1;
    }
    // Content pieces a few untagged tokens apart are one content the tagger broke.
    size_t kept = 0;
    for (size_t k = 0; k < s_.pieces.size(); ++k) {
      Piece& p = s_.pieces[k];
      if (kept > 0 && p.role == kContent && s_.pieces[kept - 1].role == kContent &&
          p.first - s_.pieces[kept - 1].last <= kMergeGap) {
        s_.pieces[kept - 1].last = p.last;
        continue;
      }
      s_.pieces[kept++] = p;
    }
    s_.pieces.resize(kept);
    // A content the cue stands inside, with no source ("The sale is expected to close in May",
    // PolNeAR's reading of raising verbs): content, cue and content touching, the cue outside
    // quote marks, are one content.
    kept = 0;
    for (size_t k = 0; k < s_.pieces.size(); ++k) {
      const Piece& p = s_.pieces[k];
      if (kept >= 2 && p.role == kContent && s_.pieces[kept - 1].role == kCueRole &&
          s_.pieces[kept - 2].role == kContent && s_.pieces[kept - 1].first == s_.pieces[kept - 2].last &&
          p.first == s_.pieces[kept - 1].last && !s_.feats.Quoted(s_.pieces[kept - 1].first)) {
        s_.pieces[kept - 2].last = p.last;
        continue;  // the cue piece stays, for Nearest
      }
      s_.pieces[kept++] = p;
    }
    s_.pieces.resize(kept);
    bool cue = false;
    for (const Piece& p : s_.pieces) cue = cue || p.role == kCueRole;
    if (!cue) return;  // content needs a cue to be reported speech
    for (const Piece& p : s_.pieces)
      if (p.role == kContent) Content(p);
  }

  // "Lynch: No outside influence on FBI probe into Clinton emails" as the text's first line (its
  // title): a person or organisation named in at most four words just before a colon (at most
  // two title words before the name, the colon among the first six tokens) says the rest of the
  // line, which is reported speech with the colon as its cue unless it is all quoted (that
  // quote is its own record, LABEL_QUOTE). The line is read whole, whatever sentences it holds.
  // Returns the token after the line when it reads it (the tagger then skips the sentences that
  // start in it), else 0; it runs before the tagger, so the record is the first reported speech.
  int TitleLabel(const struct Sentence& s) {
    const auto& tokens = doc_.tokens;
    const int n = static_cast<int>(tokens.size());
    if (s.first != 0 || s.last > n) return 0;
    int last = s.first + 1;  // the line's end
    while (last < n && !tokens[last].newline_before) ++last;
    int colon = s.first;
    while (colon < last && colon < s.first + 6 && !(tokens[colon].kind == TokenKind::kPunct &&
                                                    doc_.TokenText(colon) == ":"))
      ++colon;
    if (colon >= last || colon == s.first) return 0;
    const Mention* m = MentionAt(colon - 1);
    if (!m || m->entity < 0 || m->last != colon || m->first > s.first + 2 || m->last - m->first > 4 ||
        (m->type != EntityType::kPerson && m->type != EntityType::kOrg))
      return 0;
    for (int i = s.first; i < m->first; ++i)
      if (tokens[i].kind != TokenKind::kWord || !tokens[i].upper_initial) return 0;
    Piece c{kContent, colon + 1, last};
    while (c.last > c.first && tokens[c.last - 1].kind == TokenKind::kPunct) --c.last;
    QuoteRecord* rp = NewReported(c);
    if (!rp) return 0;
    QuoteRecord& r = *rp;
    r.has_cue = true;  // the colon, as the tagger reads it
    r.cue.span = {tokens[colon].start, tokens[colon].end};
    r.cue.lemma = ":";
    r.has_speaker = true;
    r.speaker.span = {tokens[m->first].start, tokens[m->last - 1].end};
    r.speaker.entity = m->entity;
    r.speaker.name = doc_.entities[m->entity].name;
    return last;
  }

 private:
  // A new reported-speech record for the content `c`, or nullptr when `c` has fewer than
  // kMinWords words or none outside quote marks (a direct quote: its own record stands).
  QuoteRecord* NewReported(Piece c) {
    const auto& tokens = doc_.tokens;
    int quoted = 0, reported = 0;
    for (int i = c.first; i < c.last; ++i)
      if (IsWordToken(tokens[i])) ++(s_.feats.Quoted(i) ? quoted : reported);
    if (reported == 0 || quoted + reported < kMinWords) return nullptr;
    QuoteRecord& r = doc_.quotes.emplace_back();
    r.span = -1;
    r.start = tokens[c.first].start;
    r.end = tokens[c.last - 1].end;
    r.kind = quoted ? QuoteKind::kMixed : QuoteKind::kIndirect;
    r.rule.rule = QuoteRule::kReported;
    return &r;
  }

  // Punctuation that bounds a clause (commas, stops, dashes, brackets), not a symbol that
  // belongs to the word beside it ("#FeelTheBern", "$5", "40%").
  bool EdgePunct(int i) const {
    if (doc_.tokens[i].kind != TokenKind::kPunct) return false;
    switch (doc_.text[doc_.tokens[i].start]) {
      case '#': case '$': case '%': case '@': case '&': case '*': case '+': case '=': case '/':
      case '<': case '>': case '~': case '^': case '|': case '\\':
        return false;
      default:
        return true;
    }
  }

  // Whether a piece holds a word: a closing mark the tagger reads as a source ("’’") is none.
  bool HasWord(const Piece& p) const {
    for (int i = p.first; i < p.last; ++i)
      if (IsWordToken(doc_.tokens[i])) return true;
    return false;
  }

  void Content(Piece c) {
    const auto& tokens = doc_.tokens;
    while (c.first < c.last && EdgePunct(c.first)) ++c.first;
    // A leading "that" goes; "that’s" is the content's subject.
    if (c.first + 1 < c.last && doc_.LowerTokenText(c.first) == "that" &&
        tokens[c.first + 1].kind != TokenKind::kClitic)
      ++c.first;
    while (c.first < c.last && EdgePunct(c.first)) ++c.first;
    while (c.last > c.first && EdgePunct(c.last - 1)) --c.last;
    const Piece* cue = Nearest(s_.pieces, kCueRole, c);
    if (cue && Condemns(*cue)) return;  // a condemnation, reported as one
    QuoteRecord* rp = NewReported(c);
    if (!rp) return;
    QuoteRecord& r = *rp;
    const SpeechEvent* event = cue ? EventIn(cue->first, cue->last) : nullptr;
    if (cue) {
      r.has_cue = true;
      r.cue.span = {tokens[cue->first].start, tokens[cue->last - 1].end};
      r.cue.lemma = event ? std::string(event->lemma) : Lemma(*cue);
    }
    const Piece* source = Nearest(s_.pieces, kSource, cue ? *cue : c);
    if (source && !HasWord(*source)) source = nullptr;
    const bool event_speaker = event && event->has_speaker;
    if (source && !(event_speaker && Overlaps(event->speaker.span, *source))) {
      r.has_speaker = true;
      r.speaker = SourceActor(*source);
    } else if (event_speaker) {
      r.has_speaker = true;
      r.speaker.entity = event->speaker.entity;
      r.speaker.name = event->speaker.name;
      r.speaker.span = event->speaker.span;
    } else if (cue) {
      Piece subject;
      if (SubjectBefore(*cue, &subject) || PhraseBefore(*cue, &subject)) {
        r.has_speaker = true;
        r.speaker = SourceActor(subject);
      }
    }
  }

  // With no source tagged and no speech event: the subject right before the cue ("Rubio holds
  // ...", "most voters want ...", "Whitfield, 54, wants ..."), a speaking entity's mention or a
  // pronoun that ends where the cue begins or before an apposition of at most kApposition
  // tokens between commas, in the cue's sentence, outside quote marks.
  bool SubjectBefore(const Piece& cue, Piece* out) const {
    constexpr int kApposition = 8;
    const auto& tokens = doc_.tokens;
    const int sentence = tokens[cue.first].sentence;
    auto comma = [&](int k) {
      return k >= 0 && tokens[k].kind == TokenKind::kPunct && doc_.text[tokens[k].start] == ',';
    };
    int i = cue.first - 1;
    if (comma(i)) {
      int j = i - 1;
      while (j >= 0 && j >= i - kApposition && tokens[j].sentence == sentence && !comma(j)) --j;
      if (!comma(j) || j == i - 1) return false;
      i = j - 1;
    }
    if (i < 0 || tokens[i].sentence != sentence || s_.feats.Quoted(i)) return false;
    if (const Mention* m = MentionAt(i)) {
      if (m->last != i + 1 || !Speaks(m->type) || tokens[m->first].sentence != sentence)
        return false;
      *out = {kSource, m->first, m->last};
      return true;
    }
    if (tokens[i].kind != TokenKind::kWord || !lexicon_.IsLower(doc_.LowerTokenText(i), kPronoun))
      return false;
    *out = {kSource, i, i + 1};
    return true;
  }

  // Else the subject phrase the chunker reads right before the cue's verb group ("city
  // officials have since balked", "the senator and his allies believe", "O'Donnell, who
  // described"), in the cue's sentence, outside quote marks.
  bool PhraseBefore(const Piece& cue, Piece* out) const {
    const int lo = doc_.sentences[doc_.tokens[cue.first].sentence].first;
    const int j = chunker_.VerbGroupBefore(cue.first).first - 1;
    if (j < lo) return false;
    const Phrase p = chunker_.SubjectBefore(j, lo);
    if (p.empty() || p.first < lo || p.last > cue.first || p.last - p.first > kMaxPhrase) return false;
    // A noun phrase, not an adjective or adverb the chunker read as one ("widespread
    // speculation", "much stronger than expected"): a name, a capitalised or determined
    // phrase, or one with a role noun, whose last word is a noun by evidence (NounHead) or
    // which names a person ("Alicia Machado, the former beauty pageant winner").
    const auto& tokens = doc_.tokens;
    bool noun = tokens[p.first].upper_initial ||
                lexicon_.IsLower(doc_.LowerTokenText(p.first), kDeterminer);
    for (int i = p.first; i < p.last; ++i) {
      if (s_.feats.Quoted(i)) return false;
      noun = noun || MentionAt(i) ||
             (tokens[i].kind == TokenKind::kWord && lexicon_.IsLower(doc_.LowerTokenText(i), kRole | kHuman));
    }
    if (!noun) return false;
    if (!NounHead(p.last - 1, lo) && !NamesPerson(p)) return false;
    *out = {kSource, p.first, p.last};
    return true;
  }

  static bool EndsWith(std::string_view w, std::string_view e) {
    return w.size() > e.size() + 2 && w.compare(w.size() - e.size(), e.size(), e) == 0;
  }

  // The phrase holds a mention of a person entity.
  bool NamesPerson(const Phrase& p) const {
    for (int i = p.first; i < p.last; ++i) {
      const Mention* m = MentionAt(i);
      if (m && m->entity >= 0 && m->type == EntityType::kPerson) return true;
    }
    return false;
  }

  // The word `i` (a phrase's last, `lo` its sentence's first) is a noun by evidence, so that an
  // adjective or participle the chunker read as a subject's head ("the initial", "a modest",
  // "her driven") names no speaker: a mention ends there, it is capitalised inside the sentence
  // and no [not-name] word, it is a role, person or plural noun of the speaker words, or it is a
  // regular plural ("forecasters"; not "-ss", "-us", "-is"); a time word ("two years") is none.
  bool NounHead(int i, int lo) const {
    if (MentionAt(i)) return true;
    const Token& t = doc_.tokens[i];
    if (t.kind != TokenKind::kWord || chunker_.Is(&time_, i)) return false;
    const std::string_view w = doc_.LowerTokenText(i);
    if (t.upper_initial && i > lo && !lexicon_.IsLower(w, kNotName)) return true;
    if (lexicon_.IsLower(w, kRole | kHuman | kPluralNoun)) return true;
    if (lexicon_.IsLower(w, kStopWord | kPronoun | kDeterminer)) return false;
    return w.size() >= 4 && w.back() == 's' && !EndsWith(w, "ss") && !EndsWith(w, "us") && !EndsWith(w, "is");
  }

  // The cue is a condemnation's cue ("Canada condemned the test").
  bool Condemns(const Piece& cue) const {
    for (const CondemnationRecord& c : doc_.condemnations)
      if (Overlaps(c.finding.cue.span, cue)) return true;
    return false;
  }

  bool Overlaps(Span span, const Piece& p) const {
    return span.start < doc_.tokens[p.last - 1].end && doc_.tokens[p.first].start < span.end;
  }

  // The speech event whose cue starts in tokens [first, last).
  const SpeechEvent* EventIn(int first, int last) const {
    const auto& ev = doc_.speech_events;
    auto it = std::lower_bound(ev.begin(), ev.end(), first,
                               [](const SpeechEvent& e, int t) { return e.cue_first < t; });
    return it != ev.end() && it->cue_first < last ? &*it : nullptr;
  }

  // The lemma of a cue the speech lexicon knows ("claimed" -> "claim"), else its words in
  // lower case ("believes").
  std::string Lemma(const Piece& cue) const {
    for (int i = cue.first; i < cue.last; ++i)
      if (const CueInfo* info = lexicon_.Cue(doc_.LowerTokenText(i))) return std::string(info->lemma);
    return std::string(doc_.lower_text.substr(doc_.tokens[cue.first].start,
                                              doc_.tokens[cue.last - 1].end - doc_.tokens[cue.first].start));
  }

  // The speaker a tagged source names: the entity of the last person named in it ("Chinese
  // Foreign Minister Wang Yi after"), else of the mention it ends with (or begins with), a
  // pronoun's latest person before it, or else the words themselves.
  Actor SourceActor(const Piece& p) const {
    Actor a;
    const auto& tokens = doc_.tokens;
    if (p.last - p.first == 1 && chunker_.Word(p.first) && chunker_.Is(&relative_, p.first)) {
      const Phrase ante = chunker_.SubjectBefore(p.first, doc_.sentences[tokens[p.first].sentence].first);
      if (!ante.empty() && ante.last <= p.first && ante.last - ante.first <= kMaxPhrase) {
        a = SourceActor({kSource, ante.first, ante.last});
        a.span = {tokens[p.first].start, tokens[p.first].end};
        return a;
      }
    }
    a.span = {tokens[p.first].start, tokens[p.last - 1].end};
    a.name = std::string(doc_.SpanText(a.span.start, a.span.end));
    const Mention* m = nullptr;
    for (int i = p.last - 1; i >= p.first && !m; --i) {
      const Mention* x = MentionAt(i);
      if (x && x->first >= p.first && x->entity >= 0 && x->type == EntityType::kPerson) m = x;
    }
    if (!m) m = MentionAt(p.last - 1);
    if (!m) m = MentionAt(p.first);
    if (m && m->entity >= 0 && Speaks(m->type)) {
      a.entity = m->entity;
      a.name = doc_.entities[m->entity].name;
      return a;
    }
    if (p.last - p.first == 1 && lexicon_.IsLower(doc_.LowerTokenText(p.first), kPronoun)) {
      const int sentence = tokens[p.first].sentence;
      auto it = std::lower_bound(doc_.mentions.begin(), doc_.mentions.end(), tokens[p.first].start,
                                 [](const Mention& x, uint32_t s) { return x.start < s; });
      while (it != doc_.mentions.begin()) {
        --it;
        if (doc_.tokens[it->first].sentence < sentence - 3) break;
        if (it->type == EntityType::kPerson && it->entity >= 0) {
          a.entity = it->entity;
          a.name = doc_.entities[it->entity].name;
          break;
        }
      }
    }
    return a;
  }

  static bool Speaks(EntityType t) {
    return t == EntityType::kPerson || t == EntityType::kOrg || t == EntityType::kGpe ||
           t == EntityType::kNorp;
  }

  const Mention* MentionAt(int token) const {
    const uint32_t at = doc_.tokens[token].start;
    auto it = std::upper_bound(doc_.mentions.begin(), doc_.mentions.end(), at,
                               [](uint32_t s, const Mention& x) { return s < x.start; });
    if (it == doc_.mentions.begin()) return nullptr;
    --it;
    return it->first <= token && token < it->last ? &*it : nullptr;
  }

  Document& doc_;
  AttributionScratch& s_;
  const SpeechLexicon& lexicon_;
  const Chunker& chunker_;
  const WordHashSet& relative_;
  const WordHashSet& time_;  // [time], data/condemnation-words.txt
};

}  // namespace

AttributionFinder::AttributionFinder(const SpeechLexicon& lexicon, const ChunkerLexicon& words)
    : model_(new AttributionModel), lexicon_(lexicon), words_(words) {
  model_->Load(EmbeddedData("attribution-model"));
}

AttributionFinder::~AttributionFinder() = default;

std::shared_ptr<AttributionScratch> AttributionFinder::NewScratch() {
  return std::make_shared<AttributionScratch>();
}

void AttributionFinder::Run(Document* doc, const ChunkIndex& chunks, AttributionScratch* scratch) const {
  if (model_->empty()) return;
  AttributionScratch& s = *scratch;
  const int n = static_cast<int>(doc->tokens.size());
  // The reported speech is appended to the quotes: room for about one record per speech
  // event at once, so that a long text's records are not copied again at each doubling.
  doc->quotes.reserve(doc->quotes.size() + doc->speech_events.size());
  s.feats.Compute(*doc, model_->cues(), /*whole=*/false);
  s.tags.assign(n, 0);
  const Chunker chunker(words_, *doc, chunks);
  Reader reader(doc, &s, lexicon_, chunker, words_.lex.List("relative-pronoun"), *words_.time);
  const int title_end = doc->sentences.empty() ? 0 : reader.TitleLabel(doc->sentences[0]);
  for (size_t k = 0; k < doc->sentences.size(); ++k) {
    if (!s.feats.Candidate(static_cast<int>(k))) continue;
    const Sentence& sentence = doc->sentences[k];
    if (sentence.first < title_end) continue;
    s.feats.Prepare(static_cast<int>(k));
    model_->Tag(s.feats, sentence.first, sentence.last, s.tags.data());
    reader.Sentence(sentence.first, sentence.last);
  }
}

}  // namespace presslens
